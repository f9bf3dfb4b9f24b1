import { type MemberPath } from "@/lib/workflow/expressions/member-path";

/**
 * A plain path read in the host: the value the sandbox would have answered (already a copy, as
 * JSON data), the error it would have thrown, worded as QuickJS words it, or null when only the
 * sandbox can tell (a property of a string, a name on `Object.prototype`, data that is not JSON).
 */
export type PathReading = { kind: "value"; value: unknown } | { kind: "thrown"; detail: string } | null;

/** Array indexes as JavaScript defines them: canonical integers below 2³² − 1. */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const MAX_ARRAY_LENGTH = 2 ** 32 - 1;

/**
 * Reads `nodes.a.b` from the scope without the sandbox, with the sandbox's semantics: the sandbox
 * sees the scope as JSON text parsed again, so values are read as JSON would carry them (a
 * property holding undefined or a function is missing, such an array item is null). A missing
 * key is undefined and a key of null or undefined throws, unless `?.` ends the path there.
 * Prototype names (`__proto__`, `constructor`, `toString`, array methods) are never looked up
 * here: unless they are the data's own keys, the sandbox answers them.
 * @example readMemberPath(path of "nodes.start.id", { nodes: { start: { id: 7 } } }) // { kind: "value", value: 7 }
 */
export function readMemberPath(path: MemberPath, scope: Record<string, unknown>, meter?: CopyMeter): PathReading {
  const root = ownJsonProperty(scope, path.root);
  if (root === null || root.value === undefined) return null;
  let current: unknown = root.value;
  for (const step of path.steps) {
    if (current === null || current === undefined) {
      if (step.optional) return { kind: "value", value: undefined };
      const name = step.computed ? "" : `'${step.key}' `;
      return { kind: "thrown", detail: `TypeError: cannot read property ${name}of ${current === null ? "null" : "undefined"}` };
    }
    const child = readChild(current, step.key);
    if (child === null) return null;
    current = child.value;
  }
  return { kind: "value", value: copyAsJson(current, meter) };
}

function readChild(container: unknown, key: string): { value: unknown } | null {
  if (Array.isArray(container)) return readItem(container, key);
  if (!isPlainData(container)) return null;
  const own = ownJsonProperty(container, key);
  if (own) return own;
  // Not the data's own: the sandbox's Object.prototype may have it (`constructor`, `__proto__`).
  return Object.hasOwn(container, key) || key in Object.prototype ? null : { value: undefined };
}

function readItem(array: unknown[], key: string): { value: unknown } | null {
  if (key === "length") return { value: array.length };
  if (!ARRAY_INDEX.test(key) || Number(key) >= MAX_ARRAY_LENGTH) return null;
  const index = Number(key);
  if (index >= array.length) return { value: undefined };
  // A hole reads undefined here but is null in JSON: leave it to the sandbox.
  if (!Object.hasOwn(array, index)) return null;
  const item = array[index];
  return { value: dropsInJson(item) ? null : item };
}

/** An own enumerable property as JSON carries it (missing when JSON leaves it out), or null when there is none. */
function ownJsonProperty(record: object, key: string): { value: unknown } | null {
  if (!Object.prototype.propertyIsEnumerable.call(record, key)) return null;
  const value = (record as Record<string, unknown>)[key];
  return { value: dropsInJson(value) ? undefined : value };
}

/** An object JSON writes as its own enumerable properties (a class instance, a Date or a `toJSON` would not be). */
function isPlainData(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

function dropsInJson(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** Counts the characters of the values read (a string's, an object's or array's as JSON). */
export interface CopyMeter {
  chars: number;
}

/** The value as it comes back from the sandbox: JSON text parsed again, so a copy that shares nothing with the scope. */
function copyAsJson(value: unknown, meter?: CopyMeter): unknown {
  if (typeof value === "string") {
    if (meter) meter.chars += value.length;
    return value;
  }
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const json = JSON.stringify(value);
  if (meter && json) meter.chars += json.length;
  return json === undefined ? undefined : JSON.parse(json);
}
