import { type FieldPath } from "./field-path";
import { isPathExpression, referencedPath } from "./path-expression";
import { isPlainObject } from "./plain-object";

/** One value a field's params read: the param key (dotted inside nested objects) and its absolute path. */
export interface ParamDependency {
  param: string;
  path: FieldPath;
}

/**
 * Every path a params object reads from the field at `fieldPath`. Literals read nothing, and neither
 * does an expression that climbs above the root; `fieldPath` may hold ARRAY_ITEM segments.
 * @example paramDependencies({ objectType: "$this.$parent.objectType", limit: 10 }, ["propertyName"])
 * // → [{ param: "objectType", path: ["objectType"] }]
 */
export function paramDependencies(
  params: Record<string, unknown> | undefined,
  fieldPath: FieldPath,
): ParamDependency[] {
  if (!isPlainObject(params)) return [];
  return Object.entries(params).flatMap(([key, value]): ParamDependency[] => {
    if (isPlainObject(value)) {
      return paramDependencies(value, fieldPath).map((inner) => ({ ...inner, param: `${key}.${inner.param}` }));
    }
    if (!isPathExpression(value)) return [];
    const path = referencedPath(value, fieldPath);
    return path === null ? [] : [{ param: key, path }];
  });
}
