import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { VaultError } from "./vault-error";

const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const UNDECRYPTABLE = "Stored credentials could not be decrypted: the encryption key changed or the data was altered";

/** Seals values for storage and opens them again; see `createVault`. */
export interface Vault {
  /** Seals `JSON.stringify(value)` as `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
  encrypt(value: unknown): string;
  /** Opens a sealed string; throws `VaultError` if the key is wrong or the string was altered. */
  decrypt<T = unknown>(sealed: string): T;
}

/**
 * AES-256-GCM with a fresh 12-byte IV per call, so equal values never seal to equal strings.
 * @example
 * const vault = createVault(loadVaultKey({ dataDir }));
 * const sealed = vault.encrypt({ apiKey: "sk_live_…" });
 * vault.decrypt<{ apiKey: string }>(sealed).apiKey;
 */
export function createVault(key: Buffer): Vault {
  if (key.length !== 32) throw new VaultError("invalidKey", "The vault key must be 32 bytes");

  return {
    encrypt(value) {
      const plaintext = JSON.stringify(value) as string | undefined;
      if (plaintext === undefined) throw new TypeError(`Cannot encrypt a value of type ${typeof value}`);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext].map(toPart).join(".");
    },

    decrypt<T>(sealed: string): T {
      const [version, iv, tag, ciphertext, ...rest] = String(sealed).split(".");
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
        throw new VaultError("undecryptable", "Stored credentials are not in a format this version can read");
      }
      // No `cause` is attached: JSON.parse errors quote the text they choked on, which is plaintext.
      try {
        // authTagLength pins the tag to 16 bytes; GCM would otherwise accept a truncated, forgeable one.
        const decipher = createDecipheriv(ALGORITHM, key, fromPart(iv), { authTagLength: TAG_BYTES });
        decipher.setAuthTag(fromPart(tag));
        const plaintext = Buffer.concat([decipher.update(fromPart(ciphertext)), decipher.final()]);
        return JSON.parse(plaintext.toString("utf8")) as T;
      } catch {
        throw new VaultError("undecryptable", UNDECRYPTABLE);
      }
    },
  };
}

function toPart(part: string | Buffer): string {
  return typeof part === "string" ? part : part.toString("base64url");
}

function fromPart(part: string): Buffer {
  return Buffer.from(part, "base64url");
}
