import { z } from "zod";
import {
  CreateDatasetRequestBody,
  CreateModelRequestBody,
  CreateSegmentRequestBody,
  DatasetListResponseBody,
  DatasetResponseBody,
  EmptyResponseBody,
  ExtractorPreviewResponseBody,
  FetchRecordsRequestBody,
  FetchRecordsResponseBody,
  ModelListQuery,
  ModelListResponseBody,
  ModelResponseBody,
  ModelSyncListResponseBody,
  ModelSyncResponseBody,
  PreviewExtractorRequestBody,
  queryInteger,
  SegmentChangeListResponseBody,
  SegmentListQuery,
  SegmentListResponseBody,
  SegmentResponseBody,
  UpdateModelRequestBody,
  UpdateSegmentRequestBody,
  Uuid,
  UuidParams,
  type ModelSync,
} from "@/lib/contract";
import { audited, changed, named } from "../../audit";
import { defineRoute } from "../../define-route";
import { cancelSync, createDataset, createModel, getModel, listDatasets, listModels, listSyncs, previewExtractor, removeModel, startSync, updateModel } from "../../records/models";
import { createSegment, fetchRecords, getSegment, listSegmentChanges, listSegments, removeSegment, updateSegment } from "../../records/segments";
import { route } from "../api-route";

const SyncParams = z.object({ uuid: Uuid, syncUuid: Uuid });
const ChangesQuery = z.object({ syncUuid: Uuid.optional(), limit: queryInteger(1, 1000).default(200) });
const syncOf = (sync: ModelSync) => ({ target: sync.modelUuid, details: { syncUuid: sync.uuid } });

/** Records: datasets, models and their syncs, segments and the records they select. */
export const recordRoutes = [
  /** GET /api/v1/storage/datasets/list: by name. */
  route(
    "GET",
    "/storage/datasets/list",
    defineRoute(
      { summary: "Datasets by name", response: DatasetListResponseBody },
      async ({ deps, ctx }) => ({ datasets: await listDatasets(deps, ctx.workspaceUuid) }),
    ),
  ),
  /** POST /api/v1/storage/datasets `{name}` */
  route(
    "POST",
    "/storage/datasets",
    defineRoute({ summary: "Create a dataset", body: CreateDatasetRequestBody, response: DatasetResponseBody }, async ({ deps, ctx, body }) => ({
      dataset: await audited(deps, ctx, "dataset.created", createDataset(deps, ctx.workspaceUuid, body.name), named),
    })),
  ),
  /** POST /api/v1/storage/extractors/preview `{connectorUuid, extractorSlug, config}`: count and first records, nothing saved. */
  route(
    "POST",
    "/storage/extractors/preview",
    defineRoute(
      {
        summary: "Preview an extractor: its count and first records, nothing saved",
        body: PreviewExtractorRequestBody,
        response: ExtractorPreviewResponseBody,
      },
      ({ deps, ctx, body }) => previewExtractor(deps, ctx.workspaceUuid, body),
    ),
  ),
  /** GET /api/v1/storage/models/list?datasetUuid: newest first, each with its record count and last sync. */
  route(
    "GET",
    "/storage/models/list",
    defineRoute(
      { summary: "Models, newest first, with their record count and last sync", query: ModelListQuery, response: ModelListResponseBody },
      async ({ deps, ctx, query }) => ({ models: await listModels(deps, ctx.workspaceUuid, query) }),
    ),
  ),
  /** POST /api/v1/storage/models: from an extractor (its first sync starts at once) or an uploaded CSV (imported). */
  route(
    "POST",
    "/storage/models",
    defineRoute(
      { summary: "Create a model from an extractor or an uploaded CSV", body: CreateModelRequestBody, response: ModelResponseBody },
      async ({ deps, ctx, body }) => ({
        model: await audited(deps, ctx, "model.created", createModel(deps, ctx.workspaceUuid, body), named),
      }),
    ),
  ),
  route(
    "GET",
    "/storage/models/:uuid",
    defineRoute(
      { summary: "One model", params: UuidParams, response: ModelResponseBody },
      async ({ deps, ctx, params }) => ({ model: await getModel(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** PUT /api/v1/storage/models/:uuid `{name?, datasetUuid?, isSyncScheduled?, extractorConfig?}` */
  route(
    "PUT",
    "/storage/models/:uuid",
    defineRoute(
      {
        summary: "Change a model's name, dataset, schedule or extractor config",
        params: UuidParams,
        body: UpdateModelRequestBody,
        response: ModelResponseBody,
      },
      async ({ deps, ctx, params, body }) => ({
        model: await audited(deps, ctx, "model.updated", updateModel(deps, ctx.workspaceUuid, params.uuid, body), changed(body)),
      }),
    ),
  ),
  /** DELETE /api/v1/storage/models/:uuid: its records, syncs and segments too. */
  route(
    "DELETE",
    "/storage/models/:uuid",
    defineRoute(
      { summary: "Delete a model with its records, syncs and segments", params: UuidParams, response: EmptyResponseBody },
      async ({ deps, ctx, params }) => {
        await audited(deps, ctx, "model.removed", removeModel(deps, ctx.workspaceUuid, params.uuid), { target: params.uuid });
        return {};
      },
    ),
  ),
  /** POST /api/v1/storage/models/:uuid/sync: starts a sync, or answers the one under way. */
  route(
    "POST",
    "/storage/models/:uuid/sync",
    defineRoute(
      { summary: "Start a model's sync, or answer the one under way", params: UuidParams, response: ModelSyncResponseBody },
      async ({ deps, ctx, params }) => ({
        sync: await audited(deps, ctx, "model.syncStarted", startSync(deps, ctx.workspaceUuid, params.uuid), syncOf),
      }),
    ),
  ),
  /** GET /api/v1/storage/models/:uuid/syncs/list: newest first. */
  route(
    "GET",
    "/storage/models/:uuid/syncs/list",
    defineRoute(
      { summary: "A model's syncs, newest first", params: UuidParams, response: ModelSyncListResponseBody },
      async ({ deps, ctx, params }) => ({ syncs: await listSyncs(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** POST /api/v1/storage/models/:uuid/syncs/:syncUuid/cancel: the pages stored so far stay. */
  route(
    "POST",
    "/storage/models/:uuid/syncs/:syncUuid/cancel",
    defineRoute(
      { summary: "Cancel a sync (the pages stored so far stay)", params: SyncParams, response: ModelSyncResponseBody },
      async ({ deps, ctx, params }) => ({
        sync: await audited(deps, ctx, "model.syncCancelled", cancelSync(deps, ctx.workspaceUuid, params.uuid, params.syncUuid), syncOf),
      }),
    ),
  ),
  /** POST /api/v1/segmentation/segments/fetch `{modelUuid, filter, sort, limit, offset}` → `{records, count}` */
  route(
    "POST",
    "/segmentation/segments/fetch",
    defineRoute(
      { summary: "A model's records that match a filter, and their count", body: FetchRecordsRequestBody, response: FetchRecordsResponseBody },
      ({ deps, ctx, body }) => fetchRecords(deps, ctx.workspaceUuid, body),
    ),
  ),
  route(
    "GET",
    "/segmentation/segments/list",
    defineRoute(
      { summary: "Segments", query: SegmentListQuery, response: SegmentListResponseBody },
      async ({ deps, ctx, query }) => ({ segments: await listSegments(deps, ctx.workspaceUuid, query) }),
    ),
  ),
  /** POST /api/v1/segmentation/segments `{modelUuid, name, filter, sort?}` */
  route(
    "POST",
    "/segmentation/segments",
    defineRoute(
      { summary: "Save a filter on a model as a segment", body: CreateSegmentRequestBody, response: SegmentResponseBody },
      async ({ deps, ctx, body }) => ({
        segment: await audited(deps, ctx, "segment.created", createSegment(deps, ctx.workspaceUuid, body), named),
      }),
    ),
  ),
  route(
    "GET",
    "/segmentation/segments/:uuid",
    defineRoute(
      { summary: "One segment", params: UuidParams, response: SegmentResponseBody },
      async ({ deps, ctx, params }) => ({ segment: await getSegment(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** PUT /api/v1/segmentation/segments/:uuid `{name?, filter?, sort?}` */
  route(
    "PUT",
    "/segmentation/segments/:uuid",
    defineRoute(
      { summary: "Change a segment's name, filter or sort", params: UuidParams, body: UpdateSegmentRequestBody, response: SegmentResponseBody },
      async ({ deps, ctx, params, body }) => ({
        segment: await audited(deps, ctx, "segment.updated", updateSegment(deps, ctx.workspaceUuid, params.uuid, body), changed(body)),
      }),
    ),
  ),
  route(
    "DELETE",
    "/segmentation/segments/:uuid",
    defineRoute({ summary: "Delete a segment", params: UuidParams, response: EmptyResponseBody }, async ({ deps, ctx, params }) => {
      await audited(deps, ctx, "segment.removed", removeSegment(deps, ctx.workspaceUuid, params.uuid), { target: params.uuid });
      return {};
    }),
  ),
  /** GET /api/v1/segmentation/segments/:uuid/changes/list?syncUuid&limit: records added to, updated in or removed from it by syncs. */
  route(
    "GET",
    "/segmentation/segments/:uuid/changes/list",
    defineRoute(
      {
        summary: "The records syncs added to, updated in or removed from a segment",
        params: UuidParams,
        query: ChangesQuery,
        response: SegmentChangeListResponseBody,
      },
      async ({ deps, ctx, params, query }) => ({
        changes: await listSegmentChanges(deps, ctx.workspaceUuid, params.uuid, query),
      }),
    ),
  ),
];
