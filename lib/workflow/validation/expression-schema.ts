/** Keyword of the schema that accepts exactly an expression object (registered on the validator). */
export const EXPRESSION_KEYWORD = "isExpressionObject";
/** Marks the `anyOf` this transform adds, so its own errors can be told from the manifest's. */
export const ACCEPTS_EXPRESSION = "x-acceptsExpression";

type Schema = Record<string, unknown>;

const CHILD_MAPS = ["properties", "patternProperties"];
const CHILD_SCHEMAS = ["additionalProperties", "additionalItems", "unevaluatedProperties", "unevaluatedItems"];
const SAME_INSTANCE_MAPS = ["definitions", "$defs", "dependentSchemas", "dependencies"];
const SAME_INSTANCE_LISTS = ["allOf", "anyOf"];
const SAME_INSTANCE_SCHEMAS = ["then", "else"];

/**
 * Rewrites an action's config schema so an expression object is accepted wherever a value is
 * (each property, item or additional property becomes `anyOf: [expression, original]`), and
 * defines the `#/definitions/expression` that manifests reference but never define.
 *
 * Expressions make some manifest keywords undecidable before a run, so they are loosened:
 * `oneOf` is read as `anyOf` (two branches may both accept an expression), and `not`/`if` are
 * left untouched (an expression inside them counts as the literal object it is).
 */
export function acceptExpressions(schema: Schema): Schema {
  const transformed = sameInstance(schema) as Schema;
  const definitions = isSchemaObject(transformed.definitions) ? transformed.definitions : {};
  return { ...transformed, definitions: { expression: {}, ...definitions } };
}

/** A schema for the same value, with every schema of a child value accepting expressions. */
function sameInstance(schema: unknown): unknown {
  if (!isSchemaObject(schema)) return schema;
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (CHILD_MAPS.includes(keyword) && isSchemaObject(value)) out[keyword] = mapValues(value, child);
    else if (CHILD_SCHEMAS.includes(keyword)) out[keyword] = child(value);
    else if (keyword === "items") out[keyword] = Array.isArray(value) ? value.map(child) : child(value);
    else if (keyword === "prefixItems" && Array.isArray(value)) out[keyword] = value.map(child);
    else if (SAME_INSTANCE_MAPS.includes(keyword) && isSchemaObject(value)) out[keyword] = mapValues(value, sameInstance);
    else if (SAME_INSTANCE_LISTS.includes(keyword) && Array.isArray(value)) out[keyword] = value.map(sameInstance);
    else if (SAME_INSTANCE_SCHEMAS.includes(keyword)) out[keyword] = sameInstance(value);
    else if (keyword !== "oneOf") out[keyword] = value;
  }
  if (Array.isArray(schema.oneOf)) {
    const loosened = { anyOf: schema.oneOf.map(sameInstance) };
    if (out.anyOf === undefined) out.anyOf = loosened.anyOf;
    else out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), loosened];
  }
  return out;
}

/** A schema for a child value: an expression object, or what the manifest asked for. */
function child(schema: unknown): unknown {
  // `false` (say additionalProperties: false) refuses any value, expressions included.
  if (!isSchemaObject(schema)) return schema;
  return { [ACCEPTS_EXPRESSION]: true, anyOf: [{ [EXPRESSION_KEYWORD]: true }, sameInstance(schema)] };
}

function mapValues(record: Schema, transform: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, transform(value)]));
}

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
