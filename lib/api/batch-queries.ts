import { queryOptions } from "@tanstack/react-query";
import { BatchListResponseBody, BatchResponseBody, RecordMetricsResponseBody, WorkflowRecordListResponseBody, type BatchStatus } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export interface BatchListFilter {
  workflowUuid?: string;
  statuses?: BatchStatus[];
  limit?: number;
}

export const batchKeys = {
  all: ["batches"] as const,
  lists: () => [...batchKeys.all, "list"] as const,
  list: (filter: BatchListFilter) => [...batchKeys.lists(), filter] as const,
  detail: (uuid: string) => [...batchKeys.all, "detail", uuid] as const,
  /** What a batch's page shows besides the batch: per-node metrics and the records that failed. */
  progress: (uuid: string) => [...batchKeys.all, "progress", uuid] as const,
  metrics: (uuid: string) => [...batchKeys.progress(uuid), "metrics"] as const,
  failedRecords: (uuid: string, limit: number) => [...batchKeys.progress(uuid), "failedRecords", limit] as const,
};

const BATCHES = "/api/v1/orchestration/batches";
/** How often a batch that has not finished is asked again. */
const LIVE_MS = 1000;

/** Whether a batch is still going: its counts may change any moment. */
export const isBatchActive = (status: BatchStatus) => status === "pending" || status === "running";

/** Where a batch's CSV is downloaded: one row per record, the columns from `outputNodeSlug`'s output (the run's output by default). */
export function batchDownloadPath(uuid: string, outputNodeSlug?: string): string {
  const query = outputNodeSlug ? `?${new URLSearchParams({ outputNodeSlug })}` : "";
  return `${BATCHES}/${encodeURIComponent(uuid)}/download${query}`;
}

export const batchQueries = {
  /** Batches newest first; polled every 2 s while one of them has not finished. */
  list: (filter: BatchListFilter = {}) =>
    queryOptions({
      queryKey: batchKeys.list(filter),
      queryFn: ({ signal }) => {
        const query = new URLSearchParams();
        if (filter.workflowUuid) query.set("workflowUuid", filter.workflowUuid);
        if (filter.statuses?.length) query.set("statuses", filter.statuses.join(","));
        if (filter.limit) query.set("limit", String(filter.limit));
        return apiFetch(BatchListResponseBody, `${BATCHES}/list?${query}`, { signal });
      },
      refetchInterval: (query) => (query.state.data?.batches.some((batch) => isBatchActive(batch.status)) ? 2 * LIVE_MS : false),
    }),
  /** One batch with its counts; polled every second while pending or running, and not at all once it has finished or failed to load. */
  detail: (uuid: string) =>
    queryOptions({
      queryKey: batchKeys.detail(uuid),
      queryFn: ({ signal }) => apiFetch(BatchResponseBody, `${BATCHES}/${encodeURIComponent(uuid)}`, { signal }),
      refetchInterval: (query) => (query.state.data && isBatchActive(query.state.data.batch.status) ? LIVE_MS : false),
    }),
  /** Per node of the batch's graph, its executions by status; polled while `live` (the batch runs). */
  metrics: (uuid: string, live: boolean) =>
    queryOptions({
      queryKey: batchKeys.metrics(uuid),
      queryFn: ({ signal }) => apiFetch(RecordMetricsResponseBody, `/api/v1/orchestration/records/metrics?batchUuid=${encodeURIComponent(uuid)}`, { signal }),
      refetchInterval: live ? 2 * LIVE_MS : false,
    }),
  /**
   * The batch's records whose run ended in error, with that run and its error, and how many there
   * are. Records, not runs: a run a retry replaced is history and is not listed.
   */
  failedRecords: (uuid: string, live: boolean, limit = 100) =>
    queryOptions({
      queryKey: batchKeys.failedRecords(uuid, limit),
      queryFn: ({ signal }) =>
        apiFetch(
          WorkflowRecordListResponseBody,
          `/api/v1/orchestration/records/list?${new URLSearchParams({ batchUuid: uuid, statuses: "error", limit: String(limit) })}`,
          { signal },
        ),
      refetchInterval: live ? 2 * LIVE_MS : false,
    }),
};
