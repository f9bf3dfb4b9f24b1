import { z } from "zod";
import { ParamsSchema } from "./json-schema";
import { ManifestBase } from "./manifest-base";
import { ManifestExtractor } from "./manifest-extractor";

/** An autocomplete, keyed by its slug; served by `POST /autocompletes/:slug`. */
export const ManifestAutocomplete = z.looseObject({
  params: ParamsSchema.describe("Params the endpoint accepts"),
  cacheExpirationInSeconds: z.number().nonnegative().optional().describe("How long results may be cached"),
});
export type ManifestAutocomplete = z.infer<typeof ManifestAutocomplete>;

/** A dynamic schema, keyed by its slug; served by `POST /dynamicSchemas/:slug`. */
export const ManifestDynamicSchema = z.looseObject({
  params: ParamsSchema.describe("Params the endpoint accepts"),
});
export type ManifestDynamicSchema = z.infer<typeof ManifestDynamicSchema>;

/** `GET /manifest` in the documented layout (Cargo's custom-integration docs): capabilities keyed by slug. */
export const IntegrationManifest = ManifestBase.extend({
  extractors: z.record(z.string(), ManifestExtractor).optional().describe("Extractors keyed by slug"),
  autocompletes: z.record(z.string(), ManifestAutocomplete).optional().describe("Autocompletes keyed by slug"),
  dynamicSchemas: z.record(z.string(), ManifestDynamicSchema).optional().describe("Dynamic schemas keyed by slug"),
});
export type IntegrationManifest = z.infer<typeof IntegrationManifest>;
