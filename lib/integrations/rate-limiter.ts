import type { RateLimit, RateLimitUnit } from "@/lib/contract";
import { sleep as realSleep } from "./sleep";

/** A limit's unit in milliseconds. */
export const RATE_LIMIT_UNIT_MS: Record<RateLimitUnit, number> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Default slack added to every window, for clock granularity. */
export const RATE_LIMIT_MARGIN_MS = 10;

/** Tells the limiter that the granted request has reached the server (its answer started to come back). */
export type RateLimitSent = () => void;

/** Hands out permission to call an integration server, one bucket per key (a connector uuid). */
export interface RateLimiter {
  /**
   * Resolves when a call may go out under `limit`; waiters of one key are served first come,
   * first served, and no limit resolves at once unless the key is paused. Call the resolved
   * `sent` once the server has answered: the token's window then starts from that moment.
   * Rejects with the signal's reason if it aborts first.
   */
  acquire(key: string, limit: RateLimit | null | undefined, signal?: AbortSignal): Promise<RateLimitSent>;
  /**
   * Grants nothing for `key` during the next `ms` (a server's `Retry-After`), with or without a
   * limit; a longer pause already set stays.
   */
  pause(key: string, ms: number): void;
}

export interface RateLimiterOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Added to each window. Default 10 ms. */
  marginMs?: number;
}

interface Grant {
  at: number;
  sentAt?: number;
}

interface Bucket {
  /** Infinity for a key without a limit, kept only while it is paused or has waiters. */
  max: number;
  unitMs: number;
  grants: Grant[];
  waiters: Array<{ resolve(sent: RateLimitSent): void; detach(): void }>;
  pausedUntil: number;
  /** Bumped to supersede a sleeping pump when a token may come back early. */
  run: number;
  pumping: boolean;
}

const NO_LIMIT: RateLimitSent = () => {};

/**
 * Creates a rate limiter: per key a bucket of `max` tokens, each coming back one unit after its
 * request reached the server. So bursts of `max` go out at once and no window of one unit, as the
 * server counts it, ever holds more than `max` requests. A paused key grants nothing until the
 * pause ends, then serves its waiters in order.
 *
 * Why not a bucket refilled continuously: it lets up to 2·max − 1 requests through within one
 * unit (a full bucket, then the refill). Why not count from the grant: a request can reach the
 * server later than the one granted after it (a new socket, a cold start), which a window counted
 * from grant times does not see. A request whose `sent` is never called is taken to arrive one
 * unit after its grant at the latest.
 * @example
 * const sent = await limiter.acquire(connector.uuid, manifest.connector.rateLimit);
 * const response = await fetch(url);
 * sent();
 */
export function createRateLimiter({ now = Date.now, sleep = realSleep, marginMs = RATE_LIMIT_MARGIN_MS }: RateLimiterOptions = {}): RateLimiter {
  const buckets = new Map<string, Bucket>();

  function bucketAt(key: string): Bucket {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { max: Infinity, unitMs: 0, grants: [], waiters: [], pausedUntil: 0, run: 0, pumping: false };
      buckets.set(key, bucket);
    }
    return bucket;
  }

  function bucketFor(key: string, limit: RateLimit | null | undefined): Bucket {
    const bucket = bucketAt(key);
    // A refreshed manifest may change the limit; the grants already made still count.
    bucket.max = limit?.max ?? Infinity;
    bucket.unitMs = limit ? RATE_LIMIT_UNIT_MS[limit.unit] : 0;
    return bucket;
  }

  const freedAt = (bucket: Bucket, grant: Grant) =>
    Math.min(grant.sentAt ?? Number.POSITIVE_INFINITY, grant.at + bucket.unitMs) + bucket.unitMs + marginMs;

  function tryGrant(bucket: Bucket): RateLimitSent | undefined {
    const time = now();
    if (time < bucket.pausedUntil) return undefined;
    if (bucket.max === Infinity) return NO_LIMIT;
    // Only a full bucket needs the expired grants swept out; bursts below max skip the scan.
    if (bucket.grants.length >= bucket.max) bucket.grants = bucket.grants.filter((grant) => freedAt(bucket, grant) > time);
    if (bucket.grants.length >= bucket.max) return undefined;
    const grant: Grant = { at: time };
    bucket.grants.push(grant);
    return () => {
      if (grant.sentAt !== undefined) return;
      grant.sentAt = now();
      if (bucket.pumping) void pump(bucket);
    };
  }

  function msUntilFree(bucket: Bucket): number {
    const paused = bucket.pausedUntil - now();
    if (paused > 0) return paused;
    const times = bucket.grants.map((grant) => freedAt(bucket, grant)).sort((a, b) => a - b);
    return Math.max(times[bucket.grants.length - bucket.max]! - now(), 1);
  }

  async function pump(bucket: Bucket): Promise<void> {
    const run = ++bucket.run;
    bucket.pumping = true;
    while (bucket.run === run && bucket.waiters.length > 0) {
      const sent = tryGrant(bucket);
      if (sent) {
        const waiter = bucket.waiters.shift()!;
        waiter.detach();
        waiter.resolve(sent);
      } else {
        await sleep(msUntilFree(bucket));
      }
    }
    if (bucket.run === run) bucket.pumping = false;
  }

  return {
    acquire(key, limit, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const known = buckets.get(key);
      if (!limit && (!known || (known.waiters.length === 0 && known.pausedUntil <= now()))) return Promise.resolve(NO_LIMIT);
      const bucket = bucketFor(key, limit);
      const sent = bucket.waiters.length === 0 ? tryGrant(bucket) : undefined;
      if (sent) return Promise.resolve(sent);
      return new Promise<RateLimitSent>((resolve, reject) => {
        const onAbort = () => {
          bucket.waiters.splice(bucket.waiters.indexOf(waiter), 1);
          reject(signal!.reason);
        };
        const waiter = { resolve, detach: () => signal?.removeEventListener("abort", onAbort) };
        signal?.addEventListener("abort", onAbort, { once: true });
        bucket.waiters.push(waiter);
        if (!bucket.pumping) void pump(bucket);
      });
    },

    pause(key, ms) {
      const bucket = bucketAt(key);
      bucket.pausedUntil = Math.max(bucket.pausedUntil, now() + ms);
    },
  };
}

let processLimiter: RateLimiter | undefined;

/** The limiter clients use when given none, so every caller in the process shares one bucket per connector. */
export function processRateLimiter(): RateLimiter {
  processLimiter ??= createRateLimiter();
  return processLimiter;
}
