import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  CustomIntegrationListResponseBody,
  CustomIntegrationPreviewResponseBody,
  CustomIntegrationResponseBody,
  EmptyResponseBody,
} from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { connectorKeys } from "./connector-queries";
import { integrationKeys } from "./integration-queries";

const BASE = "/api/v1/connection/customIntegrations";

export const customIntegrationKeys = {
  all: ["customIntegrations"] as const,
  list: () => [...customIntegrationKeys.all, "list"] as const,
};

export const customIntegrationQueries = {
  list: () =>
    queryOptions({
      queryKey: customIntegrationKeys.list(),
      queryFn: ({ signal }) => apiFetch(CustomIntegrationListResponseBody, `${BASE}/list`, { signal }),
    }),
};

/** Everything a change to a registration can affect: the registrations, the catalog, connectors. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customIntegrationKeys.all }),
      queryClient.invalidateQueries({ queryKey: integrationKeys.all }),
      queryClient.invalidateQueries({ queryKey: connectorKeys.all }),
    ]);
}

const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

/** Fetches and validates a server's manifest without saving; fails with every problem listed. */
export function usePreviewCustomIntegrationMutation() {
  return useMutation({
    mutationFn: (baseUrl: string) => apiFetch(CustomIntegrationPreviewResponseBody, `${BASE}/preview`, post({ kind: "external", baseUrl })),
  });
}

export function useRegisterCustomIntegrationMutation() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (baseUrl: string) => apiFetch(CustomIntegrationResponseBody, BASE, post({ kind: "external", baseUrl })),
    onSuccess: invalidate,
  });
}

export function useRefreshCustomIntegrationMutation() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(CustomIntegrationResponseBody, `${BASE}/${uuid}/refresh`, { method: "POST" }),
    onSettled: invalidate,
  });
}

export function useUpdateCustomIntegrationUrlMutation() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ uuid, baseUrl }: { uuid: string; baseUrl: string }) =>
      apiFetch(CustomIntegrationResponseBody, `${BASE}/${uuid}`, { method: "PUT", body: JSON.stringify({ baseUrl }) }),
    onSuccess: invalidate,
  });
}

export function useDeleteCustomIntegrationMutation() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(EmptyResponseBody, `${BASE}/${uuid}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
