import { queryOptions } from "@tanstack/react-query";
import { DatasetListResponseBody, ModelListResponseBody, ModelResponseBody, ModelSyncListResponseBody, type ModelSyncStatus } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const datasetKeys = {
  all: ["datasets"] as const,
  lists: () => [...datasetKeys.all, "list"] as const,
};

export const modelKeys = {
  all: ["models"] as const,
  lists: () => [...modelKeys.all, "list"] as const,
  list: (datasetUuid?: string) => [...modelKeys.lists(), { datasetUuid }] as const,
  detail: (uuid: string) => [...modelKeys.all, "detail", uuid] as const,
  syncs: (uuid: string) => [...modelKeys.all, "syncs", uuid] as const,
};

const MODELS = "/api/v1/storage/models";

/** Whether a sync is still going (its model's records may change any moment). */
export const isSyncActive = (status: ModelSyncStatus) => status === "pending" || status === "running";

export const datasetQueries = {
  list: () =>
    queryOptions({
      queryKey: datasetKeys.lists(),
      queryFn: ({ signal }) => apiFetch(DatasetListResponseBody, "/api/v1/storage/datasets/list", { signal }),
    }),
};

export const modelQueries = {
  /** Every model (of one dataset if given); polled while one of them is syncing. */
  list: (datasetUuid?: string) =>
    queryOptions({
      queryKey: modelKeys.list(datasetUuid),
      queryFn: ({ signal }) =>
        apiFetch(ModelListResponseBody, `${MODELS}/list${datasetUuid ? `?datasetUuid=${encodeURIComponent(datasetUuid)}` : ""}`, { signal }),
      refetchInterval: (query) => (query.state.data?.models.some((model) => model.lastSync && isSyncActive(model.lastSync.status)) ? 2000 : false),
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: modelKeys.detail(uuid),
      queryFn: ({ signal }) => apiFetch(ModelResponseBody, `${MODELS}/${encodeURIComponent(uuid)}`, { signal }),
    }),
  /** A model's syncs, newest first; polled every second while the newest has not finished. */
  syncs: (uuid: string) =>
    queryOptions({
      queryKey: modelKeys.syncs(uuid),
      queryFn: ({ signal }) => apiFetch(ModelSyncListResponseBody, `${MODELS}/${encodeURIComponent(uuid)}/syncs/list`, { signal }),
      refetchInterval: (query) => (query.state.data?.syncs.some((sync) => isSyncActive(sync.status)) ? 1000 : false),
    }),
};
