import { queryOptions } from "@tanstack/react-query";
import { IntegrationCallResponseBody, ListIntegrationCallsResponseBody, type IntegrationCallScope, type ListIntegrationCallsQuery } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export type { IntegrationCallScope };

/** What the inspector's filter bar sets: the list query but its limit (the server's 200). */
export type IntegrationCallFilter = Omit<ListIntegrationCallsQuery, "limit">;

export const integrationCallKeys = {
  all: ["integrationCalls"] as const,
  lists: () => [...integrationCallKeys.all, "list"] as const,
  list: (scope: IntegrationCallScope, filter: IntegrationCallFilter) => [...integrationCallKeys.lists(), scope, filter] as const,
  details: () => [...integrationCallKeys.all, "detail"] as const,
  detail: (scope: IntegrationCallScope, callId: string) => [...integrationCallKeys.details(), scope, callId] as const,
};

const PATHS: Record<IntegrationCallScope["kind"], string> = {
  customIntegration: "/api/v1/connection/customIntegrations",
  connector: "/api/v1/connection/connectors",
};

const callsPath = (scope: IntegrationCallScope) => `${PATHS[scope.kind]}/${encodeURIComponent(scope.uuid)}/calls`;

export const integrationCallQueries = {
  /** The request inspector's calls, newest first, without headers and bodies; the answer also lists every endpoint for the filter. */
  list: (scope: IntegrationCallScope, filter: IntegrationCallFilter = {}) =>
    queryOptions({
      queryKey: integrationCallKeys.list(scope, filter),
      queryFn: ({ signal }) => {
        const query = new URLSearchParams();
        for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
        const suffix = query.toString() ? `?${query}` : "";
        return apiFetch(ListIntegrationCallsResponseBody, `${callsPath(scope)}${suffix}`, { signal });
      },
    }),

  /** One call in full (headers, both bodies); a stored call never changes. */
  detail: (scope: IntegrationCallScope, callId: string) =>
    queryOptions({
      queryKey: integrationCallKeys.detail(scope, callId),
      queryFn: ({ signal }) => apiFetch(IntegrationCallResponseBody, `${callsPath(scope)}/${encodeURIComponent(callId)}`, { signal }),
      staleTime: Infinity,
    }),
};
