import { type FieldPath } from "./field-path";
import { PROTOTYPE_KEYS } from "./path-expression";

/**
 * The value at `path` in `data`, or undefined when any step is missing: an absent own key, an
 * index past the end, a primitive on the way, or a prototype key.
 * @example readPath({ mappings: [{ name: "email" }] }, ["mappings", 0, "name"]) // → "email"
 */
export function readPath(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const segment of path) {
    if (PROTOTYPE_KEYS.has(segment)) return undefined;
    current = readSegment(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

function readSegment(container: unknown, segment: string | number): unknown {
  if (Array.isArray(container)) {
    // Callers may pass indices as text (rjsf ids are strings); only canonical numbers index.
    const index = typeof segment === "number" ? segment : /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : Number.NaN;
    return Number.isInteger(index) && index >= 0 && index < container.length ? container[index] : undefined;
  }
  if (typeof container !== "object" || container === null) return undefined;
  const key = String(segment);
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}
