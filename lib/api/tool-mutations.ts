import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RunResponseBody, ToolResponseBody, ToolWebhookSecretResponseBody, type CreateToolRequestBody, type Tool } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { runKeys } from "./run-queries";
import { TOOLS, toolKeys, toolQueries } from "./tool-queries";

const post = (body: unknown = {}): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

/** Every answer that carries the tool refreshes its page and the list. */
function useToolAnswer() {
  const queryClient = useQueryClient();
  return ({ tool }: { tool: Tool }) => {
    queryClient.setQueryData(toolQueries.detail(tool.uuid).queryKey, { tool });
    return queryClient.invalidateQueries({ queryKey: toolKeys.lists() });
  };
}

export function useCreateToolMutation() {
  const onSuccess = useToolAnswer();
  return useMutation({ mutationFn: (body: CreateToolRequestBody) => apiFetch(ToolResponseBody, TOOLS, post(body)), onSuccess });
}

/** Runs the tool's deployed release with the form's answers; the run is then followed through `runQueries.detail`. */
export function useRunToolMutation(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: Record<string, unknown>) => apiFetch(RunResponseBody, `${TOOLS}/${uuid}/run`, post({ data })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.lists() }),
  });
}

/** A new webhook secret (enables the webhook): the answer is the only time the secret is seen. */
export function useRotateToolWebhookMutation(uuid: string) {
  const onSuccess = useToolAnswer();
  return useMutation({ mutationFn: () => apiFetch(ToolWebhookSecretResponseBody, `${TOOLS}/${uuid}/webhook/rotate`, post()), onSuccess });
}

export function useDisableToolWebhookMutation(uuid: string) {
  const onSuccess = useToolAnswer();
  return useMutation({ mutationFn: () => apiFetch(ToolResponseBody, `${TOOLS}/${uuid}/webhook/disable`, post()), onSuccess });
}
