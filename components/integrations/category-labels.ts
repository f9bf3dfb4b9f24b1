import type { Integration, IntegrationCategory } from "@/lib/contract";

/** Catalog categories as the operator reads them. */
export const categoryLabels: Record<IntegrationCategory, string> = {
  engagement: "Engagement",
  marketing: "Marketing",
  sales: "Sales",
  finance: "Finance",
  analytics: "Analytics",
  freeform: "Freeform",
  success: "Customer success",
  support: "Support",
  enrichment: "Enrichment",
  storage: "Storage",
  custom: "Custom",
};

export function isCategory(value: string | null | undefined): value is IntegrationCategory {
  return typeof value === "string" && Object.hasOwn(categoryLabels, value);
}

/**
 * The badge that says where an integration runs: inside the app ("Native": the built-in flow nodes,
 * and integrations written with the native SDK, which have no manifest layout) or on a custom server.
 */
export function integrationOrigin(integration: Pick<Integration, "kind" | "layout">): { label: string; tone: "accent" | "neutral" } {
  if (integration.kind === "native" || integration.layout === null) return { label: "Native", tone: "neutral" };
  return { label: "Custom", tone: "accent" };
}
