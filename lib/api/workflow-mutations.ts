import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EmptyResponseBody, WorkflowResponseBody, type CreateWorkflowRequestBody, type UpdateWorkflowRequestBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { workflowKeys, workflowQueries } from "./workflow-queries";

const BASE = "/api/v1/orchestration/workflows";
const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body !== undefined && { body: JSON.stringify(body) }) });

export function useCreateWorkflowMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkflowRequestBody) => apiFetch(WorkflowResponseBody, BASE, json("POST", body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.lists() }),
  });
}

/** Saves a workflow; a 409 (someone else saved since `updatedAt`) surfaces as an ApiError with reason "workflowStale". */
export function useUpdateWorkflowMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, ...body }: UpdateWorkflowRequestBody & { uuid: string }) => apiFetch(WorkflowResponseBody, `${BASE}/${uuid}`, json("PUT", body)),
    onSuccess: ({ workflow }) => {
      queryClient.setQueryData(workflowQueries.detail(workflow.uuid).queryKey, { workflow });
      return queryClient.invalidateQueries({ queryKey: workflowKeys.lists() });
    },
  });
}

export function useDuplicateWorkflowMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(WorkflowResponseBody, `${BASE}/${uuid}/duplicate`, json("POST", {})),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.lists() }),
  });
}

export function useDeleteWorkflowMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(EmptyResponseBody, `${BASE}/${uuid}`, json("DELETE")),
    onSuccess: (_answer, uuid) => {
      queryClient.removeQueries({ queryKey: workflowQueries.detail(uuid).queryKey });
      return queryClient.invalidateQueries({ queryKey: workflowKeys.lists() });
    },
  });
}
