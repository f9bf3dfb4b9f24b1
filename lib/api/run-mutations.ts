import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CancelRunsResponseBody, RunResponseBody, type CreateRunRequestBody, type TestRunRequestBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { runKeys } from "./run-queries";

const json = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

/** Starts a run; a graph with problems answers 422 with `invalidNodes` in the error body. */
export function useCreateRunMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRunRequestBody) => apiFetch(RunResponseBody, "/api/v1/orchestration/runs", json(body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.lists() }),
  });
}

/** The editor's test run of a workflow's saved draft; allowed for a play's workflow, unlike `POST /orchestration/runs`. */
export function useTestRunMutation(workflowUuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: Record<string, unknown>) =>
      apiFetch(RunResponseBody, `/api/v1/orchestration/workflows/${encodeURIComponent(workflowUuid)}/testRun`, json({ data } satisfies TestRunRequestBody)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.lists() }),
  });
}

export function useCancelRunsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuids: string[]) => apiFetch(CancelRunsResponseBody, "/api/v1/orchestration/runs/cancel", json({ uuids })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
