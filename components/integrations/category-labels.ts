import type { IntegrationCategory } from "@/lib/contract";

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

export const kindLabels = { native: "Native", custom: "Custom" } as const;
