"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { IntegrationSummary } from "@/lib/contract";
import { integrationQueries } from "@/lib/api/integration-queries";

const IntegrationsContext = createContext<ReadonlyMap<string, IntegrationSummary>>(new Map());

/**
 * The integration list by slug (icons, colors, names) for every canvas node, loaded once here
 * instead of one query subscription per node.
 */
export function CanvasIntegrationsProvider({ children }: { children: ReactNode }) {
  const list = useQuery(integrationQueries.list());
  const integrations = list.data?.integrations;
  const bySlug = useMemo(() => new Map((integrations ?? []).map((integration) => [integration.slug, integration])), [integrations]);
  return <IntegrationsContext.Provider value={bySlug}>{children}</IntegrationsContext.Provider>;
}

export function useCanvasIntegration(slug: string): IntegrationSummary | undefined {
  return useContext(IntegrationsContext).get(slug);
}
