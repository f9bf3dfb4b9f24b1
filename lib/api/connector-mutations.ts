import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  ConnectorAuthenticateResponseBody,
  ConnectorExistsResponseBody,
  ConnectorResponseBody,
  EmptyResponseBody,
  TestConnectorConfigResponseBody,
  type CreateConnectorRequestBody,
  type UpdateConnectorRequestBody,
} from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { connectorKeys } from "./connector-queries";

const BASE = "/api/v1/connection/connectors";
const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** Whether a connector slug is taken; the wizard checks it as the user types. */
export const connectorSlugQueries = {
  exists: (slug: string) =>
    queryOptions({
      queryKey: [...connectorKeys.all, "existsBySlug", slug] as const,
      queryFn: ({ signal }) => apiFetch(ConnectorExistsResponseBody, `${BASE}/existsBySlug?slug=${encodeURIComponent(slug)}`, { signal }),
      staleTime: 0,
    }),
};

function useInvalidateConnectors() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: connectorKeys.all });
}

/** Authenticates a config without saving it: "Test connection". */
export function useTestConnectorConfigMutation() {
  return useMutation({
    mutationFn: (body: { integrationSlug: string; config: Record<string, unknown> }) =>
      apiFetch(TestConnectorConfigResponseBody, `${BASE}/test`, json("POST", body)),
  });
}

export function useCreateConnectorMutation() {
  const invalidate = useInvalidateConnectors();
  return useMutation({
    mutationFn: (body: CreateConnectorRequestBody) => apiFetch(ConnectorResponseBody, BASE, json("POST", body)),
    onSuccess: invalidate,
  });
}

export function useUpdateConnectorMutation() {
  const invalidate = useInvalidateConnectors();
  return useMutation({
    mutationFn: ({ uuid, ...body }: UpdateConnectorRequestBody & { uuid: string }) =>
      apiFetch(ConnectorResponseBody, `${BASE}/${uuid}`, json("PUT", body)),
    onSuccess: invalidate,
  });
}

export function useRetestConnectorMutation() {
  const invalidate = useInvalidateConnectors();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(ConnectorAuthenticateResponseBody, `${BASE}/${uuid}/authenticate`, json("POST")),
    onSettled: invalidate,
  });
}

export function useDeleteConnectorMutation() {
  const invalidate = useInvalidateConnectors();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(EmptyResponseBody, `${BASE}/${uuid}`, json("DELETE")),
    onSuccess: invalidate,
  });
}
