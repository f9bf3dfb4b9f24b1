import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateSegmentRequestBody, UpdateSegmentRequestBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { EmptyResponseBody, SegmentResponseBody } from "@/lib/contract";
import { segmentKeys, segmentQueries } from "./segment-queries";

const BASE = "/api/v1/segmentation/segments";
const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** "Save as segment": a name for the current filter and sort of a model. */
export function useCreateSegmentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSegmentRequestBody) => apiFetch(SegmentResponseBody, BASE, json("POST", body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists() }),
  });
}

export function useUpdateSegmentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, ...body }: UpdateSegmentRequestBody & { uuid: string }) => apiFetch(SegmentResponseBody, `${BASE}/${uuid}`, json("PUT", body)),
    onSuccess: ({ segment }) => {
      queryClient.setQueryData(segmentQueries.detail(segment.uuid).queryKey, { segment });
      return queryClient.invalidateQueries({ queryKey: segmentKeys.lists() });
    },
  });
}

export function useDeleteSegmentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(EmptyResponseBody, `${BASE}/${uuid}`, json("DELETE")),
    onSuccess: (_answer, uuid) => {
      queryClient.removeQueries({ queryKey: segmentQueries.detail(uuid).queryKey });
      return queryClient.invalidateQueries({ queryKey: segmentKeys.lists() });
    },
  });
}
