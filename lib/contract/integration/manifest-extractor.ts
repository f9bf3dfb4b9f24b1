import { z } from "zod";
import { ConfigSchema } from "./json-schema";
import { ScopedRateLimit } from "./rate-limit";
import { PollingPolicy, RetryPolicy } from "./retry-policy";

/** The platform pulls pages from the server. */
export const FetchExtractorMode = z.looseObject({
  kind: z.literal("fetch"),
  isIncremental: z.boolean().describe("Resume each sync from the last cursor instead of from scratch"),
  minIntervalInSeconds: z.number().nonnegative().optional().describe("Shortest time between syncs"),
  autoFetch: z.boolean().optional().describe("Sync on a schedule without being asked"),
});
export type FetchExtractorMode = z.infer<typeof FetchExtractorMode>;

/** The server pushes records to the platform. */
export const IngestExtractorMode = z.looseObject({
  kind: z.literal("ingest"),
  autoIngest: z.boolean().optional().describe("Accept pushed records without being asked"),
});
export type IngestExtractorMode = z.infer<typeof IngestExtractorMode>;

export const ExtractorMode = z.discriminatedUnion("kind", [FetchExtractorMode, IngestExtractorMode]);
export type ExtractorMode = z.infer<typeof ExtractorMode>;

export const ExtractorPreview = z.enum(["none", "records", "count"]).describe("What to show before a sync");
export type ExtractorPreview = z.infer<typeof ExtractorPreview>;

/** An extractor, keyed by its slug in `manifest.extractors`; it fills a data model. */
export const ManifestExtractor = z.looseObject({
  name: z.string().describe("Display name"),
  description: z.string().describe("One-line description"),
  config: ConfigSchema.describe("The extractor's config form"),
  mode: ExtractorMode,
  preview: ExtractorPreview,
  rateLimits: z.array(ScopedRateLimit).optional().describe("Limits on top of the connector's"),
  retry: RetryPolicy.optional().describe("Retries after an error"),
  fetching: PollingPolicy.optional().describe("Re-calls while the extractor answers `fetching`"),
});
export type ManifestExtractor = z.infer<typeof ManifestExtractor>;
