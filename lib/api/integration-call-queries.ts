import { queryOptions } from "@tanstack/react-query";
import { ListIntegrationCallsResponseBody, type IntegrationCallStatusFilter } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

/** Whose calls the inspector shows: a custom integration's server, or one connector's. */
export interface IntegrationCallScope {
  kind: "customIntegration" | "connector";
  uuid: string;
}

export interface IntegrationCallFilter {
  endpoint?: string;
  status?: IntegrationCallStatusFilter;
  search?: string;
}

export const integrationCallKeys = {
  all: ["integrationCalls"] as const,
  lists: () => [...integrationCallKeys.all, "list"] as const,
  list: (scope: IntegrationCallScope, filter: IntegrationCallFilter) => [...integrationCallKeys.lists(), scope, filter] as const,
};

const PATHS: Record<IntegrationCallScope["kind"], string> = {
  customIntegration: "/api/v1/connection/customIntegrations",
  connector: "/api/v1/connection/connectors",
};

export const integrationCallQueries = {
  /** The request inspector's calls, newest first; the answer also lists every endpoint for the filter. */
  list: (scope: IntegrationCallScope, filter: IntegrationCallFilter = {}) =>
    queryOptions({
      queryKey: integrationCallKeys.list(scope, filter),
      queryFn: ({ signal }) => {
        const query = new URLSearchParams();
        for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
        const suffix = query.toString() ? `?${query}` : "";
        return apiFetch(ListIntegrationCallsResponseBody, `${PATHS[scope.kind]}/${encodeURIComponent(scope.uuid)}/calls${suffix}`, { signal });
      },
    }),
};
