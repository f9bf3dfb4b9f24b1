import { z } from "zod";
import { ConfigSchema } from "./json-schema";
import { RateLimit } from "./rate-limit";

/** Whether the platform may cache this connector's results. */
export const ConnectorCaching = z.looseObject({
  isCompatible: z.boolean().optional().describe("True when results may be cached"),
});
export type ConnectorCaching = z.infer<typeof ConnectorCaching>;

/** How a connector (one set of credentials for the integration) is configured. */
export const ManifestConnector = z.looseObject({
  config: ConfigSchema.describe("Credentials form"),
  rateLimit: RateLimit.optional().describe("Limit shared by every call through one connector"),
  caching: ConnectorCaching.optional(),
});
export type ManifestConnector = z.infer<typeof ManifestConnector>;

/** The per-user mapping form paired with `POST /listUsers`. */
export const ManifestUsers = z.looseObject({
  config: ConfigSchema.describe("Per-user mapping form"),
});
export type ManifestUsers = z.infer<typeof ManifestUsers>;
