import { useMutation } from "@tanstack/react-query";
import { ConnectorCompleteOauthResponseBody, ConnectorStartOauthResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

const integrationPath = (integrationSlug: string) => `/api/v1/connection/integrations/${encodeURIComponent(integrationSlug)}`;

/** Asks the server for the single-use `state` of one OAuth sign-in. */
export function useStartOauthMutation() {
  return useMutation({
    mutationFn: ({ integrationSlug, redirectUri }: { integrationSlug: string; redirectUri: string }) =>
      apiFetch(ConnectorStartOauthResponseBody, `${integrationPath(integrationSlug)}/startOauth`, {
        method: "POST",
        body: JSON.stringify({ redirectUri }),
      }),
  });
}

/** Trades an OAuth code for the integration's value (kept by the wizard until the connector is saved). */
export function useCompleteOauthMutation() {
  return useMutation({
    mutationFn: ({ integrationSlug, state, code, redirectUri }: { integrationSlug: string; state: string; code: string; redirectUri: string }) =>
      apiFetch(ConnectorCompleteOauthResponseBody, `${integrationPath(integrationSlug)}/completeOauth`, {
        method: "POST",
        body: JSON.stringify({ state, code, redirectUri }),
      }),
  });
}
