import { z } from "zod";
import {
  ManifestAction,
  ManifestAutocomplete,
  ManifestConnector,
  ManifestDynamicSchema,
  ManifestExtractor,
  ManifestUsers,
} from "../integration";
import { ManifestLayout } from "./custom-integrations";
import { CheckFinding } from "./integration-checks";

export const IntegrationCategory = z
  .enum(["engagement", "marketing", "sales", "finance", "analytics", "freeform", "success", "support", "enrichment", "storage", "custom"])
  .describe("Catalog category; custom integrations are `custom`");
export type IntegrationCategory = z.infer<typeof IntegrationCategory>;

/**
 * One integration in the single internal view both manifest layouts normalize to (Cargo's
 * `integration get` shape): capabilities keyed by slug, the legacy `model` turned into extractors.
 */
export const Integration = z.object({
  slug: z.string().describe("Integration slug"),
  kind: z.enum(["custom", "native"]),
  category: IntegrationCategory,
  name: z.string(),
  description: z.string(),
  icon: z.string().describe("Icon markup or URL; untrusted, render only as an image"),
  color: z.string(),
  url: z.string().describe("The vendor's homepage"),
  layout: ManifestLayout.nullable().describe("Manifest layout of a custom integration; null for native"),
  connector: ManifestConnector,
  users: ManifestUsers.nullable(),
  actions: z.record(z.string(), ManifestAction),
  extractors: z.record(z.string(), ManifestExtractor),
  autocompletes: z.record(z.string(), ManifestAutocomplete),
  dynamicSchemas: z.record(z.string(), ManifestDynamicSchema),
});
export type Integration = z.infer<typeof Integration>;

/** One action as the catalog card shows it. */
export const IntegrationActionSummary = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
});
export type IntegrationActionSummary = z.infer<typeof IntegrationActionSummary>;

/** An integration in the catalog list. */
export const IntegrationSummary = z.object({
  slug: z.string().describe("Integration slug"),
  name: z.string(),
  description: z.string(),
  icon: z.string().describe("Icon markup or URL; untrusted, render only as an image"),
  color: z.string(),
  kind: z.enum(["custom", "native"]),
  category: IntegrationCategory,
  layout: ManifestLayout.nullable().describe("Manifest layout of a custom integration server; null for native and SDK integrations"),
  baseUrl: z.string().nullable(),
  status: z.enum(["ok", "unavailable"]).describe("Whether the manifest could be fetched"),
  errorMessage: z.string().nullable(),
  hasActions: z.boolean(),
  hasExtractors: z.boolean(),
  actions: z.array(IntegrationActionSummary),
});
export type IntegrationSummary = z.infer<typeof IntegrationSummary>;

export const IntegrationListQuery = z.object({
  category: IntegrationCategory.optional(),
  search: z.string().trim().min(1).optional().describe("Matches name, slug and description"),
  slugs: z.string().optional().describe("Comma-separated slugs"),
  slug: z.string().optional().describe("One slug (older CLI flag)"),
  hasActions: z.enum(["true", "false"]).optional(),
  hasExtractors: z.enum(["true", "false"]).optional(),
});
export type IntegrationListQuery = z.infer<typeof IntegrationListQuery>;

export const IntegrationListResponseBody = z.object({ integrations: z.array(IntegrationSummary) });
export type IntegrationListResponseBody = z.infer<typeof IntegrationListResponseBody>;

export const IntegrationResponseBody = z.object({ integration: Integration });
export type IntegrationResponseBody = z.infer<typeof IntegrationResponseBody>;

/** `GET /connection/nativeIntegration`: the built-in integration's actions and extractors, keyed by slug. */
export const NativeIntegrationResponseBody = z.object({ nativeIntegration: Integration.pick({ actions: true, extractors: true }) });
export type NativeIntegrationResponseBody = z.infer<typeof NativeIntegrationResponseBody>;

/** What registering a server would add, before anything is saved, and what the contract checker's lint says of its manifest. */
export const CustomIntegrationPreviewResponseBody = z.object({
  layout: ManifestLayout,
  integration: Integration,
  findings: z.array(CheckFinding).describe("The manifest's lint findings, errors first; none blocks registration"),
});
export type CustomIntegrationPreviewResponseBody = z.infer<typeof CustomIntegrationPreviewResponseBody>;
