import { z } from "zod";

/** One action as the catalog shows it; the full normalized view arrives with the integration client. */
export const IntegrationActionSummary = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
});
export type IntegrationActionSummary = z.infer<typeof IntegrationActionSummary>;

/** An integration in the catalog, fetched live from its server. */
export const IntegrationSummary = z.object({
  slug: z.string().describe("Integration slug"),
  name: z.string(),
  description: z.string(),
  icon: z.string().describe("Icon markup or URL; untrusted, render only as an image"),
  color: z.string(),
  kind: z.enum(["custom", "native"]),
  baseUrl: z.string().nullable(),
  status: z.enum(["ok", "unavailable"]).describe("Whether the manifest could be fetched just now"),
  errorMessage: z.string().nullable(),
  actions: z.array(IntegrationActionSummary),
});
export type IntegrationSummary = z.infer<typeof IntegrationSummary>;

export const IntegrationListResponseBody = z.object({ integrations: z.array(IntegrationSummary) });
export type IntegrationListResponseBody = z.infer<typeof IntegrationListResponseBody>;
