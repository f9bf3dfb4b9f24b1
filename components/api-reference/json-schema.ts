import type { OpenApiJsonSchema } from "@/lib/contract";

/** The document's `components.schemas`, which `$ref`s point into. */
export type SchemaComponents = Record<string, OpenApiJsonSchema>;

const REF_PREFIX = "#/components/schemas/";

const isSchema = (value: unknown): value is OpenApiJsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/** The component a `$ref` names, or the schema itself; `name` is the component's name, for a recursive one. */
export function resolve(schema: OpenApiJsonSchema, components: SchemaComponents): { schema: OpenApiJsonSchema; name?: string } {
  const ref = typeof schema.$ref === "string" && schema.$ref.startsWith(REF_PREFIX) ? schema.$ref.slice(REF_PREFIX.length) : undefined;
  const target = ref ? components[ref] : undefined;
  return target ? { schema: target, name: ref } : { schema };
}

/** `anyOf`/`oneOf` variants, when the schema is a choice. */
export function variantsOf(schema: OpenApiJsonSchema): OpenApiJsonSchema[] {
  const variants = schema.anyOf ?? schema.oneOf;
  return Array.isArray(variants) ? variants.filter(isSchema) : [];
}

export function propertiesOf(schema: OpenApiJsonSchema): Array<[string, OpenApiJsonSchema]> {
  return isSchema(schema.properties) ? Object.entries(schema.properties).filter((entry): entry is [string, OpenApiJsonSchema] => isSchema(entry[1])) : [];
}

export function requiredOf(schema: OpenApiJsonSchema): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === "string") : []);
}

export function itemsOf(schema: OpenApiJsonSchema): OpenApiJsonSchema | undefined {
  return isSchema(schema.items) ? schema.items : undefined;
}

/** A map's value schema (`additionalProperties`), for an object with no fixed fields. */
export function valuesOf(schema: OpenApiJsonSchema): OpenApiJsonSchema | undefined {
  return propertiesOf(schema).length === 0 && isSchema(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

/**
 * A short type for a schema as a reader would write it: `string (uuid)`, `Connector[]`,
 * `string | null`, `map of string`, `"external"`, `any`.
 */
export function typeLabel(schema: OpenApiJsonSchema, components: SchemaComponents, depth = 0): string {
  const { schema: target, name } = resolve(schema, components);
  if (name && depth > 0) return name;
  if (target.const !== undefined) return JSON.stringify(target.const);
  const variants = variantsOf(target);
  if (variants.length > 0) return [...new Set(variants.map((variant) => typeLabel(variant, components, depth + 1)))].join(" | ");
  const types = Array.isArray(target.type) ? target.type.map(String) : typeof target.type === "string" ? [target.type] : [];
  if (types.length === 0) return propertiesOf(target).length > 0 ? "object" : "any";
  return types
    .map((type) => {
      const items = itemsOf(target);
      if (type === "array") return items ? `${wrap(typeLabel(items, components, depth + 1))}[]` : "array";
      const values = valuesOf(target);
      if (type === "object" && values) return `map of ${typeLabel(values, components, depth + 1)}`;
      return typeof target.format === "string" ? `${type} (${target.format})` : type;
    })
    .join(" | ");
}

const wrap = (label: string) => (label.includes(" | ") ? `(${label})` : label);

/** The constraints worth a reader's eye: the allowed values, a default, bounds of length and size. */
export function constraintsOf(schema: OpenApiJsonSchema): string[] {
  const notes: string[] = [];
  if (Array.isArray(schema.enum)) notes.push(`One of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`);
  if (schema.default !== undefined) notes.push(`Default ${JSON.stringify(schema.default)}`);
  const bounds: Array<[string, (value: number) => string]> = [
    ["minLength", (n) => `at least ${n} character${n === 1 ? "" : "s"}`],
    ["maxLength", (n) => `at most ${n} character${n === 1 ? "" : "s"}`],
    ["minimum", (n) => `≥ ${n}`],
    ["maximum", (n) => `≤ ${n}`],
    ["minItems", (n) => `at least ${n} item${n === 1 ? "" : "s"}`],
    ["maxItems", (n) => `at most ${n} item${n === 1 ? "" : "s"}`],
  ];
  for (const [key, text] of bounds) {
    const value = schema[key];
    if (typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER) notes.push(text(value));
  }
  return notes;
}
