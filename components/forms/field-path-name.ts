import type { FieldPathList } from "@rjsf/utils";

// RJSF 6 hands widgets their field's HTML name (`htmlName`) but not its path. SchemaForm sets this
// generator so the name encodes the path losslessly, and widgets parse it back: numbers stay
// numbers (array indexes), and key text is percent-encoded so `[`, `]` or digit-only keys cannot
// be mistaken for structure or indexes.

/**
 * An RJSF `nameGenerator` writing `root[mappings][0][name]`, with every key percent-encoded.
 * @example fieldPathNameGenerator(["mappings", 0, "name"], "root") // "root[mappings][0][name]"
 */
export function fieldPathNameGenerator(path: FieldPathList, idPrefix: string, isMultiValue?: boolean): string {
  const name = idPrefix + path.map((segment) => `[${encodeSegment(segment)}]`).join("");
  return isMultiValue ? `${name}[]` : name;
}

/**
 * The field path encoded in a name made by `fieldPathNameGenerator`, without its id prefix.
 * Returns undefined for a name that generator did not make.
 * @example parseFieldPathName("root[mappings][0][name]") // ["mappings", 0, "name"]
 */
export function parseFieldPathName(name: string | undefined): FieldPathList | undefined {
  if (!name) return undefined;
  const start = name.indexOf("[");
  if (start === -1) return [];
  const tail = name.slice(start).replace(/\[\]$/, "");
  const segments = tail.match(/\[[^\[\]]*\]/g);
  if (!segments || segments.join("") !== tail) return undefined;
  return segments.map((segment) => decodeSegment(segment.slice(1, -1)));
}

function encodeSegment(segment: string | number): string {
  if (typeof segment === "number") return String(segment);
  const encoded = encodeURIComponent(segment);
  // A key that reads as a number gets its first digit escaped, so it parses back as text.
  return /^\d/.test(encoded) ? `%${encoded.charCodeAt(0).toString(16).toUpperCase()}${encoded.slice(1)}` : encoded;
}

function decodeSegment(raw: string): string | number {
  if (/^\d+$/.test(raw)) return Number(raw);
  return decodeURIComponent(raw);
}
