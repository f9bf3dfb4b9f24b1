import { z } from "zod";

/** A JSON Schema document; kept open because forms and validators interpret it, not the contract. */
export const JsonSchema = z.record(z.string(), z.unknown()).describe("JSON Schema object");
export type JsonSchema = z.infer<typeof JsonSchema>;

/** A react-jsonschema-form uiSchema (widgets such as `IntegrationAutocompleteWidget`). */
export const UiSchema = z.record(z.string(), z.unknown()).describe("rjsf uiSchema object");
export type UiSchema = z.infer<typeof UiSchema>;

/** Values a user filled into a config form (connector, action, extractor, params). */
export const ConfigValues = z.record(z.string(), z.unknown()).describe("Form values keyed by field");
export type ConfigValues = z.infer<typeof ConfigValues>;

/** The form behind a connector, action or extractor config: its JSON Schema plus its uiSchema. */
export const ConfigSchema = z.looseObject({
  jsonSchema: JsonSchema.describe("Schema the config values must satisfy"),
  // Real servers omit an empty uiSchema; an absent one renders the same as `{}`.
  uiSchema: UiSchema.default({}).describe("How the form renders; `{}` when absent"),
});
export type ConfigSchema = z.infer<typeof ConfigSchema>;

/** The schema of the params an autocomplete or dynamic schema endpoint accepts. */
export const ParamsSchema = z.looseObject({
  jsonSchema: JsonSchema.describe("Schema the request `params` must satisfy"),
});
export type ParamsSchema = z.infer<typeof ParamsSchema>;
