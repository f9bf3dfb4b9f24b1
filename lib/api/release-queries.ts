import { queryOptions } from "@tanstack/react-query";
import { ReleaseListResponseBody, ReleaseResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const releaseKeys = {
  all: ["releases"] as const,
  lists: () => [...releaseKeys.all, "list"] as const,
  list: (workflowUuid: string) => [...releaseKeys.lists(), workflowUuid] as const,
  detail: (uuid: string) => [...releaseKeys.all, "detail", uuid] as const,
};

const BASE = "/api/v1/orchestration/releases";

export const releaseQueries = {
  /** A workflow's releases, newest first; the first one `deployed` is what tools and plays run. */
  list: (workflowUuid: string) =>
    queryOptions({
      queryKey: releaseKeys.list(workflowUuid),
      queryFn: ({ signal }) => apiFetch(ReleaseListResponseBody, `${BASE}/list?workflowUuid=${encodeURIComponent(workflowUuid)}`, { signal }),
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: releaseKeys.detail(uuid),
      queryFn: ({ signal }) => apiFetch(ReleaseResponseBody, `${BASE}/${encodeURIComponent(uuid)}`, { signal }),
      // A release never changes once made.
      staleTime: Infinity,
    }),
};
