import type { ConfigValues } from "@/lib/contract";
import { isRecord } from "@/lib/contract/is-record";
import { formatPath, isSet, setAt, valueAt, type SecretPath } from "./config-path";
import { VaultError } from "./vault-error";

/** What the UI shows in place of a stored secret; an update may send it back to mean "unchanged". */
export const SECRET_MASK = "••••••••";

/**
 * A deep copy of `config` with every set secret replaced by `SECRET_MASK`. Unset secrets (absent,
 * null, "") are left as they are so the UI can tell "not set" from "set".
 */
export function maskSecrets<T extends ConfigValues>(config: T, secretPaths: readonly SecretPath[]): T {
  const masked = structuredClone(config);
  for (const path of secretPaths) {
    if (isSet(valueAt(masked, path))) setAt(masked, path, SECRET_MASK);
  }
  return masked;
}

/**
 * The config to store for an update: `incoming` as sent, except that a secret sent as the mask,
 * or not sent at all, keeps its `stored` value. An explicit null or "" clears the secret.
 * Throws `VaultError` when the mask stands for a secret that was never stored.
 * @example
 * mergeSecrets({ apiKey: SECRET_MASK, region: "eu" }, { apiKey: "sk_1", region: "us" }, [["apiKey"]])
 * // → { apiKey: "sk_1", region: "eu" }
 */
export function mergeSecrets(incoming: ConfigValues, stored: ConfigValues, secretPaths: readonly SecretPath[]): ConfigValues {
  const merged = structuredClone(incoming);
  for (const path of secretPaths) {
    const sent = valueAt(incoming, path);
    const kept = valueAt(stored, path);
    if (sent === SECRET_MASK) {
      if (!isSet(kept)) {
        throw new VaultError(
          "maskWithoutValue",
          `The secret field "${formatPath(path)}" was never set, so the mask cannot stand for it; send its value instead`,
        );
      }
      setAt(merged, path, structuredClone(kept));
    } else if (sent === undefined && isSet(kept)) {
      // An edit form that never re-sent the field must not wipe it. setAt declines when a parent
      // was sent as a non-object (say null), which clears the whole group on purpose.
      setAt(merged, path, structuredClone(kept));
    }
  }
  return merged;
}

/** The plaintext of every set secret (string leaves, numbers as text), for redacting logs. */
export function collectSecretValues(config: ConfigValues, secretPaths: readonly SecretPath[]): string[] {
  const values = new Set<string>();
  for (const path of secretPaths) addLeaves(valueAt(config, path), values);
  values.delete(SECRET_MASK);
  values.delete("");
  return [...values];
}

function addLeaves(value: unknown, into: Set<string>): void {
  if (typeof value === "string") into.add(value);
  else if (typeof value === "number" || typeof value === "bigint") into.add(String(value));
  else if (Array.isArray(value)) for (const item of value) addLeaves(item, into);
  else if (isRecord(value)) for (const item of Object.values(value)) addLeaves(item, into);
}

/** The secret paths that hold a value in `config` (absent, null and "" do not count). */
export function setSecretPaths(config: ConfigValues, secretPaths: readonly SecretPath[]): string[][] {
  return secretPaths.filter((path) => isSet(valueAt(config, path))).map((path) => [...path]);
}

/**
 * The paths among `secretPaths` that an update would keep from the stored config rather than
 * take from `incoming`: sent as the mask, or not sent at all (see `mergeSecrets`).
 */
export function keptSecretPaths(incoming: ConfigValues, secretPaths: readonly SecretPath[]): string[][] {
  return secretPaths
    .filter((path) => {
      const sent = valueAt(incoming, path);
      return sent === SECRET_MASK || sent === undefined;
    })
    .map((path) => [...path]);
}
