/** One field of a config form, as the read-only preview lists it. */
export interface SchemaField {
  /** Where the value sits, e.g. `mappings[].name`. */
  path: string;
  title: string;
  type: string;
  required: boolean;
  secret: boolean;
  /** What the form renders instead of a plain input, e.g. `Autocomplete: listObjects`. */
  widget: string | null;
  /** The allowed values of an enum, as text. */
  choices: string[] | null;
  depth: number;
}

type Json = Record<string, unknown>;

const MAX_DEPTH = 4;
const MAX_FIELDS = 200;

/**
 * Lists the fields of a JSON Schema form with their uiSchema widgets, nested objects and array
 * items included. Manifests are untrusted, so every value is checked before it is read.
 */
export function schemaFields(jsonSchema: unknown, uiSchema: unknown = {}): SchemaField[] {
  const fields: SchemaField[] = [];
  const root = asObject(jsonSchema);
  collect(root, root, asObject(uiSchema), "", 0, fields);
  return fields;
}

function collect(root: Json, schema: Json, ui: Json, prefix: string, depth: number, out: SchemaField[]): void {
  const properties = asObject(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((key) => typeof key === "string") : []);
  for (const [key, raw] of Object.entries(properties)) {
    if (out.length >= MAX_FIELDS) return;
    const field = resolveRef(root, asObject(raw));
    const fieldUi = asObject(ui[key]);
    const path = prefix ? `${prefix}.${key}` : key;
    out.push({
      path,
      title: typeof field.title === "string" && field.title.trim() ? field.title : key,
      type: describeType(root, field),
      required: required.has(key),
      secret: isSecret(field, fieldUi),
      widget: describeWidget(fieldUi),
      choices: Array.isArray(field.enum) ? field.enum.map(toText) : null,
      depth,
    });
    if (depth + 1 >= MAX_DEPTH) continue;
    if (field.properties) collect(root, field, fieldUi, path, depth + 1, out);
    const items = resolveRef(root, asObject(field.items));
    if (items.properties) collect(root, items, asObject(fieldUi.items), `${path}[]`, depth + 1, out);
  }
}

/** `format: "password"`, `writeOnly` or the password widget: the same rule the vault masks by. */
export function isSecret(field: Json, ui: Json): boolean {
  return field.format === "password" || field.writeOnly === true || ui["ui:widget"] === "password";
}

function describeType(root: Json, field: Json): string {
  const { type } = field;
  if (typeof type === "string") {
    if (type !== "array") return type;
    const items = resolveRef(root, asObject(field.items));
    return Object.keys(items).length ? `array of ${describeType(root, items)}` : "array";
  }
  if (Array.isArray(type)) return type.map(toText).join(" | ");
  if (typeof field.$ref === "string") return field.$ref.split("/").pop() || "reference";
  if (Array.isArray(field.oneOf ?? field.anyOf)) return "one of several";
  if (field.properties) return "object";
  if (field.enum) return "enum";
  return "any";
}

const WIDGETS: Record<string, (slug: string | null) => string> = {
  IntegrationAutocompleteWidget: (slug) => `Autocomplete: ${slug ?? "?"}`,
  DynamicSchemaWidget: (slug) => `Dynamic form: ${slug ?? "?"}`,
  ExpressionWidget: () => "Expression",
  OAuthWidget: () => "OAuth connect",
  password: () => "Password",
};

function describeWidget(ui: Json): string | null {
  const name = ui["ui:widget"] ?? ui["ui:field"];
  if (typeof name !== "string") return null;
  const slug = asObject(ui["ui:options"]).slug;
  const describe = Object.hasOwn(WIDGETS, name) ? WIDGETS[name] : undefined;
  return describe ? describe(typeof slug === "string" ? slug : null) : name;
}

/** Follows a local `#/definitions/…` or `#/$defs/…` reference, keeping the field's own title. */
function resolveRef(root: Json, field: Json): Json {
  const ref = field.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return field;
  let target: unknown = root;
  for (const part of ref.slice(2).split("/")) target = asObject(target)[part];
  const resolved = asObject(target);
  return Object.keys(resolved).length ? { ...resolved, ...field, $ref: undefined } : field;
}

function asObject(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function toText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
}
