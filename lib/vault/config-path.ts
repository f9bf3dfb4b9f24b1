import { isRecord } from "@/lib/contract/is-record";

/** A field's location in a config object, one property name per level: `["auth", "apiKey"]`. */
export type SecretPath = readonly string[];

/** The value at `path`, or `undefined` if any level is missing or not an object. Own keys only. */
export function valueAt(config: unknown, path: SecretPath): unknown {
  let current = config;
  for (const key of path) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Sets `value` at `path`, creating missing levels. Returns false (and changes nothing) when a
 * level exists but is not an object, since replacing it would discard what the caller sent.
 */
export function setAt(config: Record<string, unknown>, path: SecretPath, value: unknown): boolean {
  const last = path.at(-1);
  if (last === undefined) return false;
  let current = config;
  for (const key of path.slice(0, -1)) {
    if (!Object.hasOwn(current, key)) define(current, key, {});
    const next = current[key];
    if (!isRecord(next)) return false;
    current = next;
  }
  define(current, last, value);
  return true;
}

/** Absent, null and "" all mean "not set" to a config form. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** `auth.apiKey`, for messages. */
export function formatPath(path: SecretPath): string {
  return path.join(".");
}

/** Field names come from a server-sent schema; defineProperty keeps `__proto__` an ordinary key. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
