import { queryOptions } from "@tanstack/react-query";
import { IntegrationListResponseBody, IntegrationResponseBody, type IntegrationListQuery } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const integrationKeys = {
  all: ["integrations"] as const,
  lists: () => [...integrationKeys.all, "list"] as const,
  list: (filters: IntegrationListQuery) => [...integrationKeys.lists(), filters] as const,
  details: () => [...integrationKeys.all, "detail"] as const,
  detail: (slug: string) => [...integrationKeys.details(), slug] as const,
};

export const integrationQueries = {
  list: (filters: IntegrationListQuery = {}) =>
    queryOptions({
      queryKey: integrationKeys.list(filters),
      queryFn: ({ signal }) =>
        apiFetch(IntegrationListResponseBody, `/api/v1/connection/integrations/list${toSearch(filters)}`, { signal }),
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: integrationKeys.detail(slug),
      queryFn: ({ signal }) => apiFetch(IntegrationResponseBody, `/api/v1/connection/integrations/${encodeURIComponent(slug)}`, { signal }),
    }),
};

function toSearch(filters: Record<string, string | undefined>): string {
  const entries = Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}
