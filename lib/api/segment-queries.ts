import { queryOptions } from "@tanstack/react-query";
import { FetchRecordsResponseBody, SegmentChangeListResponseBody, SegmentListResponseBody, SegmentResponseBody, type Filter, type RecordSort } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const segmentKeys = {
  all: ["segments"] as const,
  lists: () => [...segmentKeys.all, "list"] as const,
  list: (modelUuid?: string) => [...segmentKeys.lists(), { modelUuid }] as const,
  detail: (uuid: string) => [...segmentKeys.all, "detail", uuid] as const,
  changes: (uuid: string) => [...segmentKeys.all, "changes", uuid] as const,
};

/** One block of a model's records: which records match, in which order, from which offset. */
export interface RecordPage {
  modelUuid: string;
  filter: Filter;
  sort: RecordSort;
  offset: number;
  limit: number;
}

export const recordKeys = {
  all: ["records"] as const,
  model: (modelUuid: string) => [...recordKeys.all, modelUuid] as const,
  page: ({ modelUuid, filter, sort, offset, limit }: RecordPage) => [...recordKeys.model(modelUuid), { filter, sort }, offset, limit] as const,
};

export const segmentQueries = {
  list: (modelUuid?: string) =>
    queryOptions({
      queryKey: segmentKeys.list(modelUuid),
      queryFn: ({ signal }) =>
        apiFetch(SegmentListResponseBody, `/api/v1/segmentation/segments/list${modelUuid ? `?modelUuid=${encodeURIComponent(modelUuid)}` : ""}`, { signal }),
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: segmentKeys.detail(uuid),
      queryFn: ({ signal }) => apiFetch(SegmentResponseBody, `/api/v1/segmentation/segments/${encodeURIComponent(uuid)}`, { signal }),
    }),
  /** What syncs changed in the segment, newest first (the latest 500). */
  changes: (uuid: string) =>
    queryOptions({
      queryKey: segmentKeys.changes(uuid),
      queryFn: ({ signal }) => apiFetch(SegmentChangeListResponseBody, `/api/v1/segmentation/segments/${encodeURIComponent(uuid)}/changes/list?limit=500`, { signal }),
    }),
};

export const recordQueries = {
  /**
   * A block of records matching a filter and the count of all that match. A block scrolled out
   * of view before its answer is aborted (`signal`); a bad filter (400) is not retried.
   */
  page: (page: RecordPage) =>
    queryOptions({
      queryKey: recordKeys.page(page),
      queryFn: ({ signal }) =>
        apiFetch(FetchRecordsResponseBody, "/api/v1/segmentation/segments/fetch", { method: "POST", body: JSON.stringify(page), signal }),
      staleTime: 60_000,
    }),
};
