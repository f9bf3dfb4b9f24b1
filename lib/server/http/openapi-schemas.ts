import { z } from "zod";
import { queryIntegerJsonSchema, type OpenApiJsonSchema, type OpenApiParameter } from "@/lib/contract";

/** The component schemas a document collects while its operations are converted. */
export type ComponentSchemas = Record<string, OpenApiJsonSchema>;

/**
 * OpenAPI 3.1 speaks JSON Schema 2020-12. A request is described as zod's `input` (a field with a
 * default is optional, a query count is the integer its digits stand for), an answer as its `output`; a type JSON
 * Schema cannot say (a date, a transform's output) becomes `{}` rather than failing the document.
 */
const OPTIONS = {
  target: "draft-2020-12",
  unrepresentable: "any",
  cycles: "ref",
  reused: "inline",
  // A query count is read from digits, and documented as the integer they stand for.
  override: ({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) => {
    const integer = queryIntegerJsonSchema(zodSchema as z.ZodType);
    if (!integer) return;
    delete jsonSchema.pattern;
    delete jsonSchema.type;
    Object.assign(jsonSchema, integer);
  },
} as const;

const COMPONENT_REF = "#/components/schemas/";

/**
 * One zod schema as an OpenAPI Schema Object. zod puts a recursive or registered sub-schema under
 * `$defs` and points at it with `#/$defs/…` (or `#` for the root itself), which inside an OpenAPI
 * document would point at the document: those are hoisted into `components` under names built
 * from `name`, and the refs rewritten to them.
 * @example schemaFor(CreateConnectorRequestBody, "postConnectionConnectorsBody", components)
 */
export function schemaFor(schema: z.ZodType, name: string, components: ComponentSchemas, io: "input" | "output" = "input"): OpenApiJsonSchema {
  const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, { ...OPTIONS, io }) as OpenApiJsonSchema & { $defs?: ComponentSchemas };
  const names = new Map<string, string>();
  // A schema registered with an id (`.meta({ id })`) keeps that one name everywhere; zod numbers the others.
  for (const key of Object.keys($defs ?? {})) names.set(`#/$defs/${key}`, key.startsWith("__schema") ? componentName(`${name}_${key.slice(2)}`, components) : key);
  const selfReferring = JSON.stringify(root).includes('"$ref":"#"');
  if (selfReferring) names.set("#", componentName(name, components));
  for (const [key, def] of Object.entries($defs ?? {})) components[names.get(`#/$defs/${key}`)!] = rewriteRefs(def, names) as OpenApiJsonSchema;
  const rewritten = rewriteRefs(root, names) as OpenApiJsonSchema;
  if (!selfReferring) return rewritten;
  components[names.get("#")!] = rewritten;
  return { $ref: `${COMPONENT_REF}${names.get("#")}` };
}

/**
 * The parameters an object schema describes, one per property with its own schema: a route's
 * path parameters or its query string. Path parameters come from the path's `:name` segments (each
 * required, a string unless the schema says more), so a parameter is documented even without a
 * `params` schema.
 */
export function parametersFor(
  where: "path" | "query",
  schema: z.ZodType | undefined,
  name: string,
  components: ComponentSchemas,
  pathNames: readonly string[] = [],
): OpenApiParameter[] {
  const json = schema ? schemaFor(schema, name, components) : {};
  const properties = (json.properties ?? {}) as Record<string, OpenApiJsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  const names = where === "path" ? pathNames : Object.keys(properties);
  return names.map((key) => {
    const property = properties[key] ?? { type: "string" };
    const description = typeof property.description === "string" ? property.description : undefined;
    return { name: key, in: where, required: where === "path" || required.has(key), ...(description && { description }), schema: property };
  });
}

/** A name not taken yet in `components`. */
function componentName(wanted: string, components: ComponentSchemas): string {
  const base = wanted.replace(/[^A-Za-z0-9._-]/g, "_");
  let candidate = base;
  for (let index = 2; candidate in components; index++) candidate = `${base}${index}`;
  return candidate;
}

function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === "$ref" && typeof item === "string" && names.has(item) ? `${COMPONENT_REF}${names.get(item)}` : rewriteRefs(item, names),
    ]),
  );
}
