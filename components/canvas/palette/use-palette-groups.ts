"use client";

import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Integration, IntegrationResponseBody } from "@/lib/contract";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import { NATIVE_INTEGRATION_SLUG } from "@/lib/workflow";
import { buildPaletteGroups, type PaletteGroup } from "./palette-items";

/** The palette's groups from the built-in integration, the connectors and their integrations (shared query cache with the catalog). */
export function usePaletteGroups(): { groups: PaletteGroup[]; pending: boolean; error: Error | null; retry: () => void } {
  const native = useQuery(integrationQueries.detail(NATIVE_INTEGRATION_SLUG));
  const connectors = useQuery(connectorQueries.list());
  const list = connectors.data?.connectors;
  const slugs = useMemo(() => [...new Set((list ?? []).map((connector) => connector.integrationSlug))], [list]);
  const integrations = useQueries({
    queries: slugs.map((slug) => ({ ...integrationQueries.detail(slug), retry: false })),
    combine: combineIntegrations,
  });

  const groups = useMemo(
    () => buildPaletteGroups({ native: native.data?.integration, connectors: list ?? [], integrations: integrations.bySlug }),
    [native.data, list, integrations.bySlug],
  );
  return {
    groups,
    pending: native.isPending || connectors.isPending,
    error: native.error ?? connectors.error ?? null,
    retry: () => {
      void native.refetch();
      void connectors.refetch();
    },
  };
}

function combineIntegrations(results: UseQueryResult<IntegrationResponseBody>[]) {
  const bySlug = new Map<string, Integration>();
  for (const result of results) if (result.data) bySlug.set(result.data.integration.slug, result.data.integration);
  return { bySlug };
}
