import { z } from "zod";

/** A Temporal-style retry policy; every field falls back to the platform default when absent. */
export const RetryPolicy = z.looseObject({
  maximumAttempts: z.number().int().nonnegative().optional().describe("Attempts in total; 0 means unlimited"),
  initialInterval: z.number().nonnegative().optional().describe("Delay before the first retry, in ms"),
  // Below 1 the delays would shrink, which Temporal rejects too.
  backoffCoefficient: z.number().min(1).optional().describe("Factor applied to the delay after each retry"),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

/** How the platform re-calls an endpoint that answered `executing` or `fetching`. */
export const PollingPolicy = z.looseObject({
  retry: RetryPolicy.describe("Schedule of the re-calls"),
  withRateLimit: z.boolean().describe("Whether re-calls count against the rate limits"),
});
export type PollingPolicy = z.infer<typeof PollingPolicy>;
