import { useMutation } from "@tanstack/react-query";
import { ExecuteConnectorActionResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export interface ExecuteActionVariables {
  connectorUuid: string;
  actionSlug: string;
  config: Record<string, unknown>;
}

/** Executes one action once through a connector; resolves when the integration answered `executed`. */
export function useExecuteActionMutation() {
  return useMutation({
    mutationFn: ({ connectorUuid, actionSlug, config }: ExecuteActionVariables) =>
      apiFetch(
        ExecuteConnectorActionResponseBody,
        `/api/v1/connection/connectors/${connectorUuid}/actions/${encodeURIComponent(actionSlug)}/execute`,
        { method: "POST", body: JSON.stringify({ config }) },
      ),
  });
}
