import { z } from "zod";
import { JsonSchema } from "./json-schema";

export const RateLimitUnit = z.enum(["second", "minute", "hour", "day"]).describe("Window of a rate limit");
export type RateLimitUnit = z.infer<typeof RateLimitUnit>;

/** At most `max` calls per `unit`, shared by every caller of one connector. */
export const RateLimit = z.looseObject({
  unit: RateLimitUnit,
  max: z.number().int().positive().describe("Calls allowed per window"),
});
export type RateLimit = z.infer<typeof RateLimit>;

/** A rate limit that applies only to calls whose config matches `config.jsonSchema`. */
export const ScopedRateLimit = RateLimit.extend({
  config: z.looseObject({
    jsonSchema: JsonSchema.describe("Configs this limit applies to"),
  }),
});
export type ScopedRateLimit = z.infer<typeof ScopedRateLimit>;
