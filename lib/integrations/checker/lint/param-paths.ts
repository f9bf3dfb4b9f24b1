import { formatFieldPath, isPathExpression, referencedPath, type FieldPath } from "@/lib/params";

/** What is wrong with one `$this/$parent/$root` value, statically; null when it is fine or a literal. */
export type ParamPathProblem =
  | { kind: "past-root"; climbs: number; depth: number }
  | { kind: "malformed"; why: string }
  | { kind: "missing"; path: FieldPath; missing: string };

// A literal that reads like a path expression with a typo: sent as text, never resolved.
const LOOKS_LIKE_PATH = /^\$(this|parent|root)\b/i;

/**
 * Checks a params value against the field it is set on: a `$parent` chain no longer than the
 * field's depth (arrays count as a level), a well-formed expression, and a target the form's
 * schema declares. `schemaAt` answers whether a path exists (`open`: it cannot tell).
 */
export function paramPathProblem(
  value: unknown,
  fieldPath: FieldPath,
  schemaAt: (path: FieldPath) => { exists: boolean; open: boolean; missing?: string },
): ParamPathProblem | null {
  if (typeof value !== "string") return null;
  if (!isPathExpression(value)) {
    return LOOKS_LIKE_PATH.test(value) ? { kind: "malformed", why: "it must start with $this or $root (lowercase), so it is sent as the literal text" } : null;
  }
  const segments = value.split(".");
  if (segments[0] === "$this") {
    let climbs = 0;
    while (segments[climbs + 1] === "$parent") climbs++;
    if (climbs > fieldPath.length) return { kind: "past-root", climbs, depth: fieldPath.length };
  }
  const path = referencedPath(value, fieldPath);
  if (path === null) return { kind: "malformed", why: "$parent may only follow $this, and no segment may be empty" };
  const found = schemaAt(path);
  if (found.exists || found.open) return null;
  return { kind: "missing", path, missing: found.missing ?? formatFieldPath(path) };
}
