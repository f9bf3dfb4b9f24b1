import { queryOptions } from "@tanstack/react-query";
import { WorkflowListResponseBody, WorkflowResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const workflowKeys = {
  all: ["workflows"] as const,
  lists: () => [...workflowKeys.all, "list"] as const,
  detail: (uuid: string) => [...workflowKeys.all, "detail", uuid] as const,
};

/** Where one workflow is read; the editor page also preloads it. */
export const workflowPath = (uuid: string) => `/api/v1/orchestration/workflows/${encodeURIComponent(uuid)}`;

export const workflowQueries = {
  list: () =>
    queryOptions({
      queryKey: workflowKeys.lists(),
      queryFn: ({ signal }) => apiFetch(WorkflowListResponseBody, "/api/v1/orchestration/workflows/list", { signal }),
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: workflowKeys.detail(uuid),
      queryFn: ({ signal }) => apiFetch(WorkflowResponseBody, workflowPath(uuid), { signal }),
      // The editor owns its copy once loaded; a refetch would fight the user's edits.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
};
