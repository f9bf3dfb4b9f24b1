import { useMutation } from "@tanstack/react-query";
import { ConnectorCompleteOauthResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

/** Trades an OAuth code for the integration's value (kept by the wizard until the connector is saved). */
export function useCompleteOauthMutation() {
  return useMutation({
    mutationFn: ({ integrationSlug, code, redirectUri }: { integrationSlug: string; code: string; redirectUri: string }) =>
      apiFetch(
        ConnectorCompleteOauthResponseBody,
        `/api/v1/connection/integrations/${encodeURIComponent(integrationSlug)}/completeOauth`,
        { method: "POST", body: JSON.stringify({ code, redirectUri }) },
      ),
  });
}
