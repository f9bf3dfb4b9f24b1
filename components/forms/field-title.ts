import type { FieldPath } from "@/lib/params";

type Schema = Record<string, unknown>;

/**
 * The title a form shows for the field at `path`: the schema's `title`, else the key humanized.
 * `subSchemaAt` supplies schemas the root does not hold (a dynamic field's fetched schema).
 * @example fieldTitle({ properties: { objectType: { title: "Object" } } }, ["objectType"]) // "Object"
 */
export function fieldTitle(rootSchema: Schema, path: FieldPath, subSchemaAt?: (prefix: FieldPath) => Schema | undefined): string {
  let schema: Schema | undefined = rootSchema;
  let root = rootSchema;
  path.forEach((segment, index) => {
    const dynamic = subSchemaAt?.(path.slice(0, index));
    if (dynamic) {
      schema = dynamic;
      root = dynamic;
    }
    schema = schema && childSchema(resolveRef(schema, root), segment);
  });
  const title = schema && resolveRef(schema, root).title;
  if (typeof title === "string" && title.trim()) return title;
  const key = [...path].reverse().find((segment) => typeof segment === "string");
  return key === undefined ? "the field above" : humanizeKey(String(key));
}

/** `objectType` → "Object type", `owner_id` → "Owner id". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function childSchema(schema: Schema, segment: string | number): Schema | undefined {
  if (typeof segment === "number") {
    const items = schema.items;
    if (Array.isArray(items)) return asSchema(items[segment]);
    return asSchema(items);
  }
  return asSchema(asSchema(schema.properties)?.[segment]);
}

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  const target = ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => asSchema(node)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], root);
  return { ...(asSchema(target) ?? {}), ...schema };
}

function asSchema(value: unknown): Schema | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;
}
