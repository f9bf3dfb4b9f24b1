import { useMutation, useQueryClient } from "@tanstack/react-query";
import { WorkflowResponseBody, type UseTemplateRequestBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { workflowKeys } from "./workflow-queries";

/** "Use template": a new workflow made of the template with the chosen connectors. */
export function useUseTemplateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, ...body }: UseTemplateRequestBody & { slug: string }) =>
      apiFetch(WorkflowResponseBody, `/api/v1/orchestration/templates/${encodeURIComponent(slug)}/use`, { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.lists() }),
  });
}
