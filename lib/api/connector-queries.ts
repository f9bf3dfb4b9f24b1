import { queryOptions } from "@tanstack/react-query";
import {
  ConnectorAutocompleteResponseBody,
  ConnectorDynamicSchemaResponseBody,
  ConnectorListResponseBody,
  ConnectorResponseBody,
} from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const connectorKeys = {
  all: ["connectors"] as const,
  lists: () => [...connectorKeys.all, "list"] as const,
  list: (integrationSlug?: string) => [...connectorKeys.lists(), { integrationSlug }] as const,
  detail: (uuid: string) => [...connectorKeys.all, "detail", uuid] as const,
  autocomplete: (uuid: string, slug: string, params: Record<string, unknown>, value?: unknown) =>
    [...connectorKeys.all, "autocomplete", uuid, slug, params, value ?? null] as const,
  dynamicSchema: (uuid: string, slug: string, params: Record<string, unknown>) =>
    [...connectorKeys.all, "dynamicSchema", uuid, slug, params] as const,
};

const post = (body: unknown, signal?: AbortSignal): RequestInit => ({ method: "POST", body: JSON.stringify(body), signal });

export const connectorQueries = {
  list: (integrationSlug?: string) =>
    queryOptions({
      queryKey: connectorKeys.list(integrationSlug),
      queryFn: ({ signal }) =>
        apiFetch(
          ConnectorListResponseBody,
          `/api/v1/connection/connectors/list${integrationSlug ? `?integrationSlug=${encodeURIComponent(integrationSlug)}` : ""}`,
          { signal },
        ),
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: connectorKeys.detail(uuid),
      queryFn: ({ signal }) => apiFetch(ConnectorResponseBody, `/api/v1/connection/connectors/${uuid}`, { signal }),
    }),
  /** Options of one autocomplete field; a superseded request is aborted through `signal`. */
  autocomplete: (uuid: string, slug: string, params: Record<string, unknown>, value?: unknown) =>
    queryOptions({
      queryKey: connectorKeys.autocomplete(uuid, slug, params, value),
      queryFn: ({ signal }) =>
        apiFetch(ConnectorAutocompleteResponseBody, `/api/v1/connection/connectors/${uuid}/autocomplete`, post({ slug, params, value }, signal)),
      staleTime: 60_000,
      retry: false,
    }),
  dynamicSchema: (uuid: string, slug: string, params: Record<string, unknown>) =>
    queryOptions({
      queryKey: connectorKeys.dynamicSchema(uuid, slug, params),
      queryFn: ({ signal }) =>
        apiFetch(ConnectorDynamicSchemaResponseBody, `/api/v1/connection/connectors/${uuid}/dynamicSchema`, post({ slug, params }, signal)),
      staleTime: 60_000,
      retry: false,
    }),
};

/** Bypasses both the browser's and the server's cache: what an autocomplete's refresh button does. */
export function refreshAutocomplete(uuid: string, slug: string, params: Record<string, unknown>, value?: unknown) {
  return apiFetch(ConnectorAutocompleteResponseBody, `/api/v1/connection/connectors/${uuid}/autocomplete`, post({ slug, params, value, refresh: true }));
}
