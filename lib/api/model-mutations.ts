import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  EmptyResponseBody,
  ExtractorPreviewResponseBody,
  type CreateDatasetRequestBody,
  type CreateModelRequestBody,
  type ExtractorSource,
  type UpdateModelRequestBody,
} from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { datasetKeys, modelKeys, modelQueries } from "./model-queries";
import { DatasetResponseBody, ModelResponseBody, ModelSyncResponseBody } from "@/lib/contract";
import { recordKeys } from "./segment-queries";

const MODELS = "/api/v1/storage/models";
const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body !== undefined && { body: JSON.stringify(body) }) });

export function useCreateDatasetMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDatasetRequestBody) => apiFetch(DatasetResponseBody, "/api/v1/storage/datasets", json("POST", body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
  });
}

/** What an extractor would give (count, columns, first records) for a config, before any model is saved. */
export function usePreviewExtractorMutation() {
  return useMutation({
    mutationFn: (body: ExtractorSource) => apiFetch(ExtractorPreviewResponseBody, "/api/v1/storage/extractors/preview", json("POST", body)),
  });
}

/** Creates a model; one with an extractor starts its first sync at once. */
export function useCreateModelMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateModelRequestBody) => apiFetch(ModelResponseBody, MODELS, json("POST", body)),
    onSuccess: ({ model }) => {
      queryClient.setQueryData(modelQueries.detail(model.uuid).queryKey, { model });
      return Promise.all([queryClient.invalidateQueries({ queryKey: modelKeys.lists() }), queryClient.invalidateQueries({ queryKey: datasetKeys.all })]);
    },
  });
}

/** Changes a model's name, dataset, schedule or extractor config; a new config cancels a sync under way, so its syncs are read again. */
export function useUpdateModelMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, ...body }: UpdateModelRequestBody & { uuid: string }) => apiFetch(ModelResponseBody, `${MODELS}/${uuid}`, json("PUT", body)),
    onSuccess: ({ model }, body) => {
      queryClient.setQueryData(modelQueries.detail(model.uuid).queryKey, { model });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: modelKeys.lists() }),
        body.datasetUuid !== undefined && queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
        body.extractorConfig !== undefined && queryClient.invalidateQueries({ queryKey: modelQueries.syncs(model.uuid).queryKey }),
      ]);
    },
  });
}

export function useDeleteModelMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(EmptyResponseBody, `${MODELS}/${uuid}`, json("DELETE")),
    onSuccess: (_answer, uuid) => {
      queryClient.removeQueries({ queryKey: modelQueries.detail(uuid).queryKey });
      queryClient.removeQueries({ queryKey: recordKeys.model(uuid) });
      return Promise.all([queryClient.invalidateQueries({ queryKey: modelKeys.lists() }), queryClient.invalidateQueries({ queryKey: datasetKeys.all })]);
    },
  });
}

/** "Sync now": starts a sync of an extractor model; the syncs list then polls until it ends. */
export function useSyncModelMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(ModelSyncResponseBody, `${MODELS}/${uuid}/sync`, json("POST", {})),
    onSuccess: (_answer, uuid) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: modelQueries.syncs(uuid).queryKey }),
        queryClient.invalidateQueries({ queryKey: modelQueries.detail(uuid).queryKey }),
      ]),
  });
}

export function useCancelSyncMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ modelUuid, syncUuid }: { modelUuid: string; syncUuid: string }) =>
      apiFetch(ModelSyncResponseBody, `${MODELS}/${modelUuid}/syncs/${syncUuid}/cancel`, json("POST", {})),
    onSuccess: (_answer, { modelUuid }) => queryClient.invalidateQueries({ queryKey: modelQueries.syncs(modelUuid).queryKey }),
  });
}
