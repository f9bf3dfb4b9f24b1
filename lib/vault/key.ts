import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { VaultError } from "./vault-error";

const KEY_BYTES = 32;
const KEY_FILE = "encryption.key";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface VaultKeyOptions {
  /** The data folder (`DATA_DIR`); the generated key lives in `<dataDir>/encryption.key`. */
  dataDir: string;
  /** `APP_ENCRYPTION_KEY`: base64 of 32 bytes. When set, the key file is neither read nor written. */
  envKey?: string;
}

/**
 * Returns the 32-byte vault key: from `APP_ENCRYPTION_KEY` if set, else from the data folder,
 * generating and saving one (mode 600) on first start.
 */
export function loadVaultKey({ dataDir, envKey }: VaultKeyOptions): Buffer {
  if (envKey?.trim()) return decodeKey(envKey, "APP_ENCRYPTION_KEY must be 32 bytes, base64-encoded");

  const file = path.join(dataDir, KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return existing;

  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    // "wx" fails if the file exists, so of two processes starting at once only one key is kept.
    fs.writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return waitForKeyFile(file);
  }
}

function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  // An empty file is one another process has created but not yet written.
  if (text.trim() === "") return undefined;
  return decodeKey(text, `${file} must hold 32 bytes, base64-encoded; restore it or set APP_ENCRYPTION_KEY`);
}

/** The process that won the race writes 44 bytes right after creating the file; give it a moment. */
function waitForKeyFile(file: string): Buffer {
  for (let attempt = 0; attempt < 50; attempt++) {
    const key = readKeyFile(file);
    if (key) return key;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new VaultError("invalidKey", `${file} stayed empty; delete it to generate a new key, or set APP_ENCRYPTION_KEY`);
}

/** The message is fixed by the caller so the key itself never ends up in an error or a log. */
function decodeKey(text: string, message: string): Buffer {
  const trimmed = text.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, "base64") : undefined;
  if (key?.length !== KEY_BYTES) throw new VaultError("invalidKey", message);
  return key;
}
