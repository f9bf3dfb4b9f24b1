import type { FormField, FormFieldKind } from "@/lib/contract";

/** A JSON Schema object, as RJSF and ajv take it. */
export type JsonSchemaObject = Record<string, unknown>;

// A date is checked by its shape, not a `format`: the server's ajv runs with formats off (manifest
// schemas use formats of their own), and this keeps the browser's form and the server in agreement.
const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

const SCHEMA_BY_KIND: Record<FormFieldKind, JsonSchemaObject> = {
  string: { type: "string" },
  text: { type: "string" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  date: { type: "string", format: "date", pattern: DATE_PATTERN },
  json: {},
};

/**
 * A tool's form as JSON Schema: one property per field (titled with its name, described with its
 * description), the required ones listed. The tool page renders it with RJSF and the server checks
 * a run's data against it with ajv, so what the form accepts is what the run accepts. Keys the
 * form does not name are let through: a webhook's body is the run's data as sent.
 * @example formFieldsSchema([{ slug: "email", name: "Email", kind: "string", isRequired: true }])
 * // → { type: "object", properties: { email: { type: "string", title: "Email" } }, required: ["email"] }
 */
export function formFieldsSchema(fields: readonly FormField[]): JsonSchemaObject {
  const properties = Object.fromEntries(
    fields.map((field) => [field.slug, { ...SCHEMA_BY_KIND[field.kind], title: field.name, ...(field.description && { description: field.description }) }]),
  );
  const required = fields.filter((field) => field.isRequired).map((field) => field.slug);
  return { type: "object", properties, ...(required.length > 0 && { required }) };
}

/** How each field is shown beyond its type: long text and JSON (typed in as text) in a text area. */
export function formFieldsUiSchema(fields: readonly FormField[]): JsonSchemaObject {
  return Object.fromEntries(
    fields.flatMap((field) => {
      return field.kind === "text" || field.kind === "json" ? [[field.slug, { "ui:widget": "textarea" }]] : [];
    }),
  );
}
