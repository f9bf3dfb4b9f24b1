import { z } from "zod";
import { ConfigSchema } from "./json-schema";
import { ScopedRateLimit } from "./rate-limit";
import { PollingPolicy, RetryPolicy } from "./retry-policy";

/** A named outgoing edge of an action node; the execute response's `childIndex` picks one. */
export const ManifestActionChild = z.looseObject({
  text: z.string().describe("Label of the edge"),
});
export type ManifestActionChild = z.infer<typeof ManifestActionChild>;

/** An action, keyed by its slug in `manifest.actions`; run with `POST /actions/:slug/execute`. */
export const ManifestAction = z.looseObject({
  name: z.string().describe("Display name"),
  description: z.string().describe("One-line description"),
  config: ConfigSchema.describe("The action's config form"),
  rateLimits: z.array(ScopedRateLimit).optional().describe("Limits on top of the connector's"),
  isSerialized: z.boolean().optional().describe("Run executions one at a time"),
  retry: RetryPolicy.optional().describe("Retries after an error"),
  executing: PollingPolicy.optional().describe("Re-calls while the action answers `executing`"),
  children: z.array(ManifestActionChild).optional().describe("Named outgoing edges; one unnamed edge when absent"),
});
export type ManifestAction = z.infer<typeof ManifestAction>;
