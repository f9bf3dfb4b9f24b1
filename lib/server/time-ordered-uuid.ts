import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";

const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let used = POOL_BYTES;
let lastMs = -Infinity;
let seq = 0;

/**
 * A UUIDv7: time-ordered, so an insert lands at the end of an index on it, not on a random page.
 * Its random part comes from a pool filled 4 KB at a time, as `crypto.randomUUID`'s does (the
 * `uuid` package asks for 16 bytes per call, a call into OpenSSL each), and within a millisecond
 * a counter keeps them in order, as the package's own state does.
 */
export function timeOrderedUuid(): string {
  if (used + 16 > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, used + 16);
  used += 16;
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    // A random start leaves room to count up: the counter's top bit clear.
    seq = ((random[6]! << 23) | (random[7]! << 15) | (random[8]! << 7) | (random[9]! >> 1)) >>> 1;
  } else seq = (seq + 1) | 0;
  return v7({ random, msecs: lastMs, seq });
}
