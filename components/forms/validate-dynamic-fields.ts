import { mergeObjects, type ErrorSchema } from "@rjsf/utils";
import { readPath } from "@/lib/params";
import type { DynamicSchemaEntry } from "./dynamic-schema-registry";
import { formValidator, transformErrors } from "./validator";

/**
 * Validates each dynamic field's value against the sub-schema it last fetched and returns the
 * errors placed at the field's path in the outermost form (`fields.email`: "Email is required"),
 * for SchemaForm's `customValidate`. A missing value is checked as `{}`, so the sub-form's
 * required fields still block the submit.
 */
export function validateDynamicFields(formData: unknown, entries: readonly DynamicSchemaEntry[]): ErrorSchema {
  let errors: ErrorSchema = {};
  for (const { path, schema } of entries) {
    const value = readPath(formData, path) ?? {};
    const { errorSchema } = formValidator.validateFormData(value, schema, undefined, transformErrors);
    if (Object.keys(errorSchema).length === 0) continue;
    const placed = path.reduceRight<Record<string, unknown>>((inner, segment) => ({ [segment]: inner }), errorSchema as Record<string, unknown>);
    errors = mergeObjects(errors, placed, true) as ErrorSchema;
  }
  return errors;
}
