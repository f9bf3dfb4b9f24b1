import { type FieldPath } from "./field-path";

const THIS = "$this";
const ROOT = "$root";
const PARENT = "$parent";
const CANONICAL_INDEX = /^(0|[1-9]\d*)$/;

/** Keys that reach an object's prototype rather than its data; a path through one reads nothing. */
export const PROTOTYPE_KEYS: ReadonlySet<string | number> = new Set(["__proto__", "constructor", "prototype"]);

/** True for a params value written in the path language: `$this` or `$root`, alone or followed by `.…`. */
export function isPathExpression(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const head = value.split(".", 1)[0];
  return head === THIS || head === ROOT;
}

/**
 * The absolute path a path expression reads, from the path of the field being edited: `$this` starts
 * at `fieldPath`, each `$parent` drops one segment (an array index is a segment, so an array counts
 * as a level), `$root` starts at the form root; the dotted rest is appended, canonical numbers
 * becoming indices. Null for a literal, a climb above the root, a malformed expression (empty
 * segment, `$parent` after a property) or a prototype key.
 * @example referencedPath("$this.$parent.$parent.$parent.objectType", ["mappings", 0, "name"]) // → ["objectType"]
 * @example referencedPath("$root.mappings.0.name", ["x"]) // → ["mappings", 0, "name"]
 */
export function referencedPath(expression: string, fieldPath: FieldPath): FieldPath | null {
  if (!isPathExpression(expression)) return null;
  const [head, ...segments] = expression.split(".");
  const path: FieldPath = head === THIS ? [...fieldPath] : [];
  let climbing = head === THIS;
  for (const segment of segments) {
    if (segment === PARENT) {
      if (!climbing || path.length === 0) return null;
      path.pop();
      continue;
    }
    climbing = false;
    if (segment === "" || segment.startsWith("$") || PROTOTYPE_KEYS.has(segment)) return null;
    path.push(CANONICAL_INDEX.test(segment) ? Number(segment) : segment);
  }
  return path.some((segment) => PROTOTYPE_KEYS.has(segment)) ? null : path;
}
