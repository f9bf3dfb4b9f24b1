import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BatchResponseBody, type BatchData } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { batchKeys } from "./batch-queries";
import { runKeys } from "./run-queries";

const BATCHES = "/api/v1/orchestration/batches";
const post = (body?: unknown): RequestInit => ({ method: "POST", ...(body !== undefined && { body: JSON.stringify(body) }) });

/**
 * Starts a batch: one run of the saved workflow per record of `data`. An empty source answers
 * 400 `noRecords`, an unknown kind 400 `invalidDataKind`, a graph with problems 422.
 */
export function useCreateBatchMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { workflowUuid: string; releaseUuid?: string; data: BatchData }) => apiFetch(BatchResponseBody, BATCHES, post(body)),
    onSuccess: ({ batch }) => {
      queryClient.setQueryData(batchKeys.detail(batch.uuid), { batch });
      return queryClient.invalidateQueries({ queryKey: batchKeys.lists() });
    },
  });
}

/** After cancel or retry: the answer is the batch's new state, and its runs and records changed. */
function useBatchAction(action: "cancel" | "retryFailed") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(BatchResponseBody, `${BATCHES}/${encodeURIComponent(uuid)}/${action}`, post()),
    onSuccess: ({ batch }) => {
      queryClient.setQueryData(batchKeys.detail(batch.uuid), { batch });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: batchKeys.detail(batch.uuid) }),
        queryClient.invalidateQueries({ queryKey: batchKeys.progress(batch.uuid) }),
        queryClient.invalidateQueries({ queryKey: batchKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: runKeys.all }),
      ]);
    },
  });
}

/** Cancels the batch and every run of it that has not finished. */
export function useCancelBatchMutation() {
  return useBatchAction("cancel");
}

/** New runs, in the same batch, for the records whose run failed. */
export function useRetryFailedBatchMutation() {
  return useBatchAction("retryFailed");
}
