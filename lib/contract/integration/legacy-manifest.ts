import { z } from "zod";
import { ConfigSchema, ParamsSchema } from "./json-schema";
import { ManifestBase } from "./manifest-base";
import { ExtractorMode, ExtractorPreview } from "./manifest-extractor";
import { ScopedRateLimit } from "./rate-limit";
import { PollingPolicy, RetryPolicy } from "./retry-policy";

/** An autocomplete of the legacy layout: listed, named by `slug`, served by `POST /autocomplete`. */
export const LegacyManifestAutocomplete = z.looseObject({
  slug: z.string().describe("Sent in the request body"),
  params: ParamsSchema.describe("Params the endpoint accepts"),
  cacheExpirationInSeconds: z.number().nonnegative().optional().describe("How long results may be cached"),
});
export type LegacyManifestAutocomplete = z.infer<typeof LegacyManifestAutocomplete>;

/** A dynamic schema of the legacy layout, served by `POST /getDynamicSchema`. */
export const LegacyManifestDynamicSchema = z.looseObject({
  slug: z.string().describe("Sent in the request body"),
  params: ParamsSchema.describe("Params the endpoint accepts"),
});
export type LegacyManifestDynamicSchema = z.infer<typeof LegacyManifestDynamicSchema>;

/** One way of filling a model; the first whose `condition` matches the chosen slug applies. */
export const LegacyModelVariant = z.looseObject({
  condition: z
    .looseObject({ slugs: z.array(z.string()).describe("Model slugs this variant serves") })
    .optional()
    .describe("Absent: serves every slug"),
  config: ConfigSchema.describe("The model's config form"),
  rateLimits: z.array(ScopedRateLimit).optional().describe("Limits on top of the connector's"),
  retry: RetryPolicy.optional().describe("Retries after an error"),
  fetching: PollingPolicy.optional().describe("Re-calls while the model answers `fetching`"),
  mode: ExtractorMode,
  preview: ExtractorPreview,
});
export type LegacyModelVariant = z.infer<typeof LegacyModelVariant>;

/** The legacy single extractor, served by `POST /model/fetch` and `/model/count`. */
export const LegacyManifestModel = z.looseObject({
  slug: ConfigSchema.describe("Form for the object type the user picks, e.g. `product`"),
  variants: z.array(LegacyModelVariant).describe("Per-slug configs and sync modes"),
});
export type LegacyManifestModel = z.infer<typeof LegacyManifestModel>;

/** Chat-agent deployment (declared by the legacy types, served by no known route). */
export const LegacyManifestAgent = z.looseObject({
  deployment: z.looseObject({
    description: z.string().describe("What deploying an agent here does"),
    config: ConfigSchema.describe("Deployment form"),
  }),
});
export type LegacyManifestAgent = z.infer<typeof LegacyManifestAgent>;

/** `GET /manifest` in the older layout of getcargohq/dummy-integration. */
export const LegacyIntegrationManifest = ManifestBase.extend({
  // Required by the legacy types, yet a manifest detected as legacy through `model` may omit them.
  autocompletes: z.array(LegacyManifestAutocomplete).default([]).describe("Autocompletes, each with its slug"),
  dynamicSchemas: z.array(LegacyManifestDynamicSchema).default([]).describe("Dynamic schemas, each with its slug"),
  model: LegacyManifestModel.optional(),
  agent: LegacyManifestAgent.optional(),
});
export type LegacyIntegrationManifest = z.infer<typeof LegacyIntegrationManifest>;
