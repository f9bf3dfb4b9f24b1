/**
 * Whether two uiSchemas say the same thing: plain objects and arrays compared by content, and
 * everything else (functions included) by identity, so a new callback is never mistaken for the
 * old one. RJSF hands an object field a freshly spread uiSchema on every render; this tells a
 * copy from a change.
 * @example sameUiSchema({ "ui:options": { slug: "a" } }, { "ui:options": { slug: "a" } }) // true
 */
export function sameUiSchema(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameUiSchema(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameUiSchema(a[key], b[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
