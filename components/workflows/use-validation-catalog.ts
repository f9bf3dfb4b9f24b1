import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Integration, IntegrationResponseBody } from "@/lib/contract";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import { catalogFromIntegrations, type ValidationCatalog } from "@/lib/workflow";

export interface ValidationCatalogState {
  /** Undefined until every integration and the connectors have loaded. */
  catalog: ValidationCatalog | undefined;
  error: Error | null;
}

/**
 * The workspace's validation catalog, built from the same API data the server builds its own
 * from, so `validateNodes` in the browser answers as `POST /orchestration/nodes/validate` does.
 * An integration whose detail cannot load counts as having no actions, as on the server.
 */
export function useValidationCatalog(): ValidationCatalogState {
  const list = useQuery(integrationQueries.list());
  const connectors = useQuery(connectorQueries.list());
  const summaries = list.data?.integrations;
  const details = useQueries({
    queries: (summaries ?? []).map((summary) => ({ ...integrationQueries.detail(summary.slug), retry: false })),
    combine: combineDetails,
  });

  const catalog = useMemo(() => {
    if (!summaries || !connectors.data || details.pending) return undefined;
    const loaded = details.integrations.filter((integration): integration is Integration => integration !== undefined);
    const catalog = catalogFromIntegrations(loaded, connectors.data.connectors);
    for (const summary of summaries) catalog.integrations[summary.slug] ??= { name: summary.name, actions: {} };
    return catalog;
  }, [summaries, connectors.data, details]);

  return { catalog, error: list.error ?? connectors.error ?? null };
}

function combineDetails(results: UseQueryResult<IntegrationResponseBody>[]) {
  return { pending: results.some((result) => result.isPending), integrations: results.map((result) => result.data?.integration) };
}
