import { queryOptions, useMutation } from "@tanstack/react-query";
import { IntegrationCheckResponseBody, type IntegrationCheckRequestBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

const CHECK = "/api/v1/connection/customIntegrations/check";

const post = (body: IntegrationCheckRequestBody, signal?: AbortSignal): RequestInit => ({ method: "POST", body: JSON.stringify(body), signal });

export const integrationCheckKeys = {
  all: ["integrationChecks"] as const,
  lint: (uuid: string) => [...integrationCheckKeys.all, "lint", uuid] as const,
};

export const integrationCheckQueries = {
  /** The manifest's lint, run when the check page opens; no endpoint is called. */
  lint: (uuid: string) =>
    queryOptions({
      queryKey: integrationCheckKeys.lint(uuid),
      queryFn: ({ signal }) => apiFetch(IntegrationCheckResponseBody, CHECK, post({ uuid }, signal)),
      retry: false,
      staleTime: 0,
    }),
};

/** Runs the check with probes: a saved connector's config (loaded by the server) and optionally an action. */
export function useRunIntegrationCheckMutation() {
  return useMutation({
    mutationFn: (body: IntegrationCheckRequestBody) => apiFetch(IntegrationCheckResponseBody, CHECK, post(body)),
  });
}
