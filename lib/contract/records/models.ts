import { z } from "zod";
import { IsoDateTime, Uuid } from "../api/common";
import { ExtractorColumn } from "../integration/extractor-column";
import { ConfigValues } from "../integration/json-schema";

/** A folder of models. */
export const Dataset = z.object({ uuid: Uuid, name: z.string(), modelsCount: z.number().int(), createdAt: IsoDateTime });
export type Dataset = z.infer<typeof Dataset>;

export const CreateDatasetRequestBody = z.strictObject({ name: z.string().trim().min(1).max(120) });
export type CreateDatasetRequestBody = z.infer<typeof CreateDatasetRequestBody>;

/** A column of a model: an extractor's declared column, or one found in a CSV's header. */
export const ModelColumn = ExtractorColumn;
export type ModelColumn = z.infer<typeof ModelColumn>;

/** Where a model's records come from: a connector's extractor (synced), or an uploaded CSV. */
export const ExtractorSource = z.strictObject({
  connectorUuid: Uuid,
  extractorSlug: z.string().min(1),
  config: ConfigValues.default({}).describe("The extractor's config, as its form fills it"),
});
export type ExtractorSource = z.infer<typeof ExtractorSource>;

export const ModelSyncStatus = z.enum(["pending", "running", "success", "error", "cancelled"]);
export type ModelSyncStatus = z.infer<typeof ModelSyncStatus>;

/** One pass of an extractor over a model, with what it changed. */
export const ModelSync = z.object({
  uuid: Uuid,
  modelUuid: Uuid,
  status: ModelSyncStatus,
  trigger: z.enum(["manual", "schedule"]),
  /** Started from the cursor an earlier sync left (incremental, or resuming a failed one). */
  isResumed: z.boolean(),
  pagesCount: z.number().int(),
  addedCount: z.number().int(),
  updatedCount: z.number().int(),
  removedCount: z.number().int(),
  errorMessage: z.string().nullable(),
  createdAt: IsoDateTime,
  startedAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  durationMs: z.number().int().nullable(),
});
export type ModelSync = z.infer<typeof ModelSync>;

export const Model = z.object({
  uuid: Uuid,
  datasetUuid: Uuid.nullable(),
  name: z.string(),
  extractor: ExtractorSource.nullable(),
  fileUuid: Uuid.nullable(),
  columns: z.array(ModelColumn),
  idColumnSlug: z.string(),
  titleColumnSlug: z.string(),
  timeColumnSlug: z.string().nullable(),
  recordsCount: z.number().int(),
  /** Synced every `minIntervalInSeconds` of the extractor while true. */
  isSyncScheduled: z.boolean(),
  lastSync: ModelSync.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Model = z.infer<typeof Model>;

export const CreateModelRequestBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    datasetUuid: Uuid.optional(),
    extractor: ExtractorSource.optional(),
    fileUuid: Uuid.optional(),
    isSyncScheduled: z.boolean().optional(),
  })
  .refine((body) => Boolean(body.extractor) !== Boolean(body.fileUuid), {
    message: "Give either extractor (a connector's extractor) or fileUuid (an uploaded CSV), not both",
    path: ["extractor"],
  });
export type CreateModelRequestBody = z.infer<typeof CreateModelRequestBody>;

export const UpdateModelRequestBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  datasetUuid: Uuid.nullable().optional(),
  isSyncScheduled: z.boolean().optional(),
  extractorConfig: ConfigValues.optional().describe("A new extractor config; the next sync starts from scratch"),
});
export type UpdateModelRequestBody = z.infer<typeof UpdateModelRequestBody>;

export const ModelListQuery = z.object({ datasetUuid: Uuid.optional() });

/** `POST /storage/extractors/preview`: what an extractor would give, before a model is saved. */
export const PreviewExtractorRequestBody = ExtractorSource;
export const ExtractorPreviewResponseBody = z.object({
  count: z.number().int().nullable(),
  columns: z.array(ModelColumn),
  idColumnSlug: z.string(),
  titleColumnSlug: z.string(),
  records: z.array(z.record(z.string(), z.unknown())),
});
export type ExtractorPreviewResponseBody = z.infer<typeof ExtractorPreviewResponseBody>;

export const DatasetListResponseBody = z.object({ datasets: z.array(Dataset) });
export const DatasetResponseBody = z.object({ dataset: Dataset });
export const ModelListResponseBody = z.object({ models: z.array(Model) });
export const ModelResponseBody = z.object({ model: Model });
export const ModelSyncListResponseBody = z.object({ syncs: z.array(ModelSync) });
export const ModelSyncResponseBody = z.object({ sync: ModelSync });

/**
 * How often a scheduled model is synced: the extractor's `minIntervalInSeconds`, an hour when it
 * gives none, and never more often than once a minute; null for an extractor that is not fetched
 * (ingest). The sync worker schedules by it and the model pages show it.
 */
export function syncIntervalOf(extractor: { mode: { kind: string; minIntervalInSeconds?: number } }): number | null {
  return extractor.mode.kind === "fetch" ? Math.max(60, extractor.mode.minIntervalInSeconds ?? 3600) : null;
}
