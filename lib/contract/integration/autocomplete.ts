import { z } from "zod";
import { LegacyConnectorRef } from "./connector-ref";
import { ConfigValues } from "./json-schema";

/** `POST /autocompletes/:slug`: options for an `IntegrationAutocompleteWidget` field. */
export const AutocompleteRequestBody = z.looseObject({
  connectorConfig: ConfigValues.describe("Connector config, secrets decrypted"),
  params: ConfigValues.describe("Resolved `ui:options.params` of the field"),
  value: z.unknown().optional().describe("Search text or the field's current value"),
});
export type AutocompleteRequestBody = z.infer<typeof AutocompleteRequestBody>;

/** `POST /autocomplete` of the legacy layout. */
export const LegacyAutocompleteRequestBody = z.looseObject({
  connector: LegacyConnectorRef,
  slug: z.string().describe("Autocomplete slug from the manifest"),
  params: ConfigValues.describe("Resolved `ui:options.params` of the field"),
  value: z.unknown().optional().describe("Search text or the field's current value"),
});
export type LegacyAutocompleteRequestBody = z.infer<typeof LegacyAutocompleteRequestBody>;

/** One option of the dropdown. */
export const AutocompleteResult = z.looseObject({
  label: z.string().describe("Display text"),
  // Documented as a string; servers also send ids as numbers and flags as booleans.
  value: z.union([z.string(), z.number(), z.boolean()]).describe("Stored in the config when picked"),
  description: z.string().optional(),
  parent: z.string().optional().describe("Groups options under a parent"),
  configOverride: z.record(z.string(), z.unknown()).optional().describe("Other config values set when picked"),
});
export type AutocompleteResult = z.infer<typeof AutocompleteResult>;

export const AutocompleteResponseBody = z.looseObject({
  results: z.array(AutocompleteResult),
});
export type AutocompleteResponseBody = z.infer<typeof AutocompleteResponseBody>;
