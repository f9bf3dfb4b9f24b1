import { type FieldPath } from "./field-path";
import { isPathExpression, referencedPath } from "./path-expression";
import { isPlainObject } from "./plain-object";
import { readPath } from "./read-path";

/**
 * One `ui:options.params` value against the form data: a path expression (`$this`, `$this.$parent…`,
 * `$root…`) becomes the value it reads, or undefined when unresolved; a plain object is resolved key
 * by key like {@link resolveParams}; anything else (other strings, numbers, booleans, null, arrays)
 * is a literal. Inside a dynamic sub-form pass the outer form's data and the field's full path, so
 * `$root` stays the outer root.
 * @example resolveParamValue("$this.$parent.objectType", { objectType: "deals" }, ["propertyName"]) // → "deals"
 */
export function resolveParamValue(value: unknown, formData: unknown, fieldPath: FieldPath): unknown {
  if (isPathExpression(value)) {
    const path = referencedPath(value, fieldPath);
    return path === null ? undefined : readPath(formData, path);
  }
  if (isPlainObject(value)) return resolveParams(value, formData, fieldPath);
  return value;
}

/**
 * A `ui:options.params` object with every value resolved by {@link resolveParamValue}; keys that
 * resolve to undefined are absent, so the server never receives a half-known param.
 * @example resolveParams({ objectType: "$root.objectType", limit: 10 }, { objectType: "deals" }, ["x"])
 * // → { objectType: "deals", limit: 10 }
 */
export function resolveParams(
  params: Record<string, unknown> | undefined,
  formData: unknown,
  fieldPath: FieldPath,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  if (!isPlainObject(params)) return resolved;
  for (const [key, value] of Object.entries(params)) {
    // Assigning `__proto__` would replace the result's prototype instead of adding a param.
    if (key === "__proto__") continue;
    const result = resolveParamValue(value, formData, fieldPath);
    if (result !== undefined) resolved[key] = result;
  }
  return resolved;
}
