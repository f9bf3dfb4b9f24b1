import { isPlainObject } from "./plain-object";

type Schema = Record<string, unknown>;

const BRANCH_KEYS = ["allOf", "anyOf", "oneOf"] as const;
const CONDITIONAL_KEYS = ["then", "else"] as const;
// Deep enough for any hand-written form; stops `$ref` cycles.
const MAX_DEPTH = 32;

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`) against the root schema; other refs give undefined. */
export function dereference(schema: unknown, root: Schema, depth = 0): Schema | undefined {
  if (!isPlainObject(schema) || depth > MAX_DEPTH) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  if (!ref.startsWith("#/")) return undefined;
  let target: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    target = isPlainObject(target) && Object.hasOwn(target, key) ? target[key] : undefined;
  }
  return dereference(target, root, depth + 1);
}

/**
 * The schema of property `name`: from `properties`, or from an `allOf`/`anyOf`/`oneOf` branch, an
 * `if`/`then`/`else` branch or a schema under `dependencies` (rjsf's conditional fields,
 * `dependencies.kind.oneOf[].properties`), since Cargo forms declare conditional fields there.
 */
export function propertySchema(schema: Schema | undefined, name: string, root: Schema, depth = 0): Schema | undefined {
  if (!schema || depth > MAX_DEPTH) return undefined;
  const properties = schema.properties;
  if (isPlainObject(properties) && Object.hasOwn(properties, name)) return dereference(properties[name], root);
  for (const branch of subschemas(schema)) {
    const found = propertySchema(dereference(branch, root), name, root, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The schemas that may add properties to an object schema besides its own `properties`: its
 * combinators, conditional branches and schema dependencies (a dependency listing names, an
 * array, adds none).
 */
export function subschemas(schema: Schema): unknown[] {
  const dependencies = isPlainObject(schema.dependencies) ? Object.values(schema.dependencies).filter((value) => !Array.isArray(value)) : [];
  return [
    ...BRANCH_KEYS.flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]) : [])),
    ...CONDITIONAL_KEYS.map((key) => schema[key]),
    ...dependencies,
  ];
}

/** The item schema when `schema` describes an array (by `type` or by a single-schema `items`). */
export function arrayItemSchema(schema: Schema | undefined, root: Schema): Schema | undefined {
  if (!schema) return undefined;
  const type = schema.type;
  const isArray = type === "array" || (Array.isArray(type) && type.includes("array")) || isPlainObject(schema.items);
  if (!isArray) return undefined;
  return dereference(schema.items, root) ?? {};
}
