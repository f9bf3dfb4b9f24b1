import { isRecord } from "@/lib/contract/is-record";
type Config = Record<string, unknown>;

/**
 * The deepest path where two configs differ, while they differ in one key at a time; [] when
 * several keys changed (or none). An undo step per field is keyed on it.
 * @example changedPath({ fields: { email: "a" } }, { fields: { email: "ab" } }) // ["fields", "email"]
 */
export function changedPath(before: unknown, after: unknown): string[] {
  const path: string[] = [];
  let a = before;
  let b = after;
  while (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    const changed = [...keys].filter((key) => !sameValue(a && (a as Config)[key], b && (b as Config)[key]));
    if (changed.length !== 1) break;
    const key = changed[0]!;
    path.push(key);
    a = (a as Config)[key];
    b = (b as Config)[key];
  }
  return path;
}

/** Deep equality of JSON values, by their text (configs are small). */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
