import { queryOptions } from "@tanstack/react-query";
import { GetRunResponseBody, RunListResponseBody, type RunStatus } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const runKeys = {
  all: ["runs"] as const,
  lists: () => [...runKeys.all, "list"] as const,
  list: (filter: { workflowUuid?: string; statuses?: RunStatus[]; limit?: number }) => [...runKeys.lists(), filter] as const,
  detail: (uuid: string) => [...runKeys.all, "detail", uuid] as const,
};

const isFinished = (status: RunStatus) => status === "success" || status === "error" || status === "cancelled";

export const runQueries = {
  list: (filter: { workflowUuid?: string; statuses?: RunStatus[]; limit?: number } = {}) =>
    queryOptions({
      queryKey: runKeys.list(filter),
      queryFn: ({ signal }) => {
        const query = new URLSearchParams();
        if (filter.workflowUuid) query.set("workflowUuid", filter.workflowUuid);
        if (filter.statuses?.length) query.set("statuses", filter.statuses.join(","));
        if (filter.limit) query.set("limit", String(filter.limit));
        return apiFetch(RunListResponseBody, `/api/v1/orchestration/runs/list?${query}`, { signal });
      },
    }),
  /** One run with its context; polled every 500 ms while it has not finished. */
  detail: (uuid: string) =>
    queryOptions({
      queryKey: runKeys.detail(uuid),
      queryFn: ({ signal }) => apiFetch(GetRunResponseBody, `/api/v1/orchestration/runs/${uuid}`, { signal }),
      refetchInterval: (query) => (query.state.data && isFinished(query.state.data.run.status) ? false : 500),
    }),
};
