/** A path from the form root to a value; numbers index arrays. @example ["mappings", 0, "name"] */
export type FieldPath = (string | number)[];

/** The wildcard index that stands for every item of an array in dependency-graph paths. */
export const ARRAY_ITEM = "*";

/**
 * True when `path` is `prefix` or lies below it; ARRAY_ITEM on either side matches any index.
 * @example pathStartsWith(["mappings", 2, "name"], ["mappings", ARRAY_ITEM]) // → true
 */
export function pathStartsWith(path: FieldPath, prefix: FieldPath): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, index) => segmentsMatch(path[index]!, segment));
}

function segmentsMatch(a: string | number, b: string | number): boolean {
  if (a === b) return true;
  return (a === ARRAY_ITEM && typeof b === "number") || (b === ARRAY_ITEM && typeof a === "number");
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as a person reads it in a hint or an error.
 * @example formatFieldPath(["mappings", 0, "name"]) // → "mappings[0].name"
 * @example formatFieldPath([]) // → "(root)"
 */
export function formatFieldPath(path: FieldPath): string {
  if (path.length === 0) return "(root)";
  return path
    .map((segment, index) => {
      if (typeof segment === "number" || segment === ARRAY_ITEM) return `[${segment}]`;
      if (!IDENTIFIER.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join("");
}
