import {
  BatchDownloadQuery,
  BatchListQuery,
  BatchListResponseBody,
  BatchResponseBody,
  CreateBatchRequestBody,
  ExecuteBatchRequestBody,
  RecordMetricsResponseBody,
  UuidParams,
  WorkflowRecordCountResponseBody,
  WorkflowRecordListResponseBody,
  WorkflowRecordsQuery,
  type Batch,
} from "@/lib/contract";
import { audited } from "../../audit";
import {
  cancelBatch,
  countWorkflowRecords,
  createBatch,
  downloadBatch,
  executeBatch,
  getBatch,
  listBatches,
  listWorkflowRecords,
  retryFailedRuns,
  workflowRecordMetrics,
} from "../../batches";
import { defineRoute } from "../../define-route";
import { route } from "../api-route";

/** Which batch, of which workflow, over which kind of data; never the records themselves. */
const batchOf = (batch: Batch) => ({ target: batch.uuid, details: { workflowUuid: batch.workflowUuid, dataKind: batch.data.kind } });

/** Batches: one run of a graph per record. */
export const batchRoutes = [
  /** POST /api/v1/orchestration/batches `{workflowUuid | nodes, data}`: validate the graph, one run per record of `data`. */
  route(
    "POST",
    "/orchestration/batches",
    defineRoute({ summary: "Run a graph once per record", body: CreateBatchRequestBody, response: BatchResponseBody }, async ({ deps, ctx, body }) => ({
      batch: await audited(deps, ctx, "batch.created", createBatch(deps, ctx.workspaceUuid, body), batchOf),
    })),
  ),
  /** GET /api/v1/orchestration/batches/list?workflowUuid&statuses&limit: newest first. */
  route(
    "GET",
    "/orchestration/batches/list",
    defineRoute(
      { summary: "Batches, newest first", query: BatchListQuery, response: BatchListResponseBody },
      async ({ deps, ctx, query }) => ({ batches: await listBatches(deps, ctx.workspaceUuid, query) }),
    ),
  ),
  /** GET /api/v1/orchestration/batches/:uuid: the batch with its counts, rolled up from its runs. */
  route(
    "GET",
    "/orchestration/batches/:uuid",
    defineRoute(
      { summary: "One batch with its counts", params: UuidParams, response: BatchResponseBody },
      async ({ deps, ctx, params }) => ({ batch: await getBatch(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** POST /api/v1/orchestration/batches/:uuid/cancel: the batch and every unfinished run of it. */
  route(
    "POST",
    "/orchestration/batches/:uuid/cancel",
    defineRoute({ summary: "Cancel a batch and its unfinished runs", params: UuidParams, response: BatchResponseBody }, async ({ deps, ctx, params }) => ({
      batch: await audited(deps, ctx, "batch.cancelled", cancelBatch(deps, ctx.workspaceUuid, params.uuid), batchOf),
    })),
  ),
  /** POST /api/v1/orchestration/batches/:uuid/retryFailed: new runs for the records whose run failed. */
  route(
    "POST",
    "/orchestration/batches/:uuid/retryFailed",
    defineRoute({ summary: "Run the records whose run failed again", params: UuidParams, response: BatchResponseBody }, async ({ deps, ctx, params }) => ({
      batch: await audited(deps, ctx, "batch.retried", retryFailedRuns(deps, ctx.workspaceUuid, params.uuid), batchOf),
    })),
  ),
  /** GET /api/v1/orchestration/batches/:uuid/download?outputNodeSlug: a CSV, one row per record, streamed. */
  route(
    "GET",
    "/orchestration/batches/:uuid/download",
    defineRoute(
      { summary: "A batch's results as CSV, one row per record", params: UuidParams, query: BatchDownloadQuery, responseContentType: "text/csv" },
      ({ deps, ctx, params, query }) => downloadBatch(deps, ctx.workspaceUuid, params.uuid, query.outputNodeSlug),
    ),
  ),
  /** POST /api/v1/orchestration/actions/executeBatch `{action, records}`: one run of the action per record. */
  route(
    "POST",
    "/orchestration/actions/executeBatch",
    defineRoute(
      { summary: "Run one action per record, as a batch", body: ExecuteBatchRequestBody, response: BatchResponseBody },
      async ({ deps, ctx, body }) => ({
        batch: await audited(deps, ctx, "batch.created", executeBatch(deps, ctx.workspaceUuid, body), batchOf),
      }),
    ),
  ),
  /** GET /api/v1/orchestration/records/list?workflowUuid&batchUuid&statuses&limit&offset: the records enrolled, newest first, and their count. */
  route(
    "GET",
    "/orchestration/records/list",
    defineRoute(
      {
        summary: "The records enrolled in a workflow or batch, newest first, and their count",
        query: WorkflowRecordsQuery,
        response: WorkflowRecordListResponseBody,
      },
      ({ deps, ctx, query }) => listWorkflowRecords(deps, ctx.workspaceUuid, query),
    ),
  ),
  route(
    "GET",
    "/orchestration/records/count",
    defineRoute(
      { summary: "How many records a workflow or batch enrolled", query: WorkflowRecordsQuery, response: WorkflowRecordCountResponseBody },
      ({ deps, ctx, query }) => countWorkflowRecords(deps, ctx.workspaceUuid, query),
    ),
  ),
  /** GET /api/v1/orchestration/records/metrics?workflowUuid&batchUuid: per node, executions by status. */
  route(
    "GET",
    "/orchestration/records/metrics",
    defineRoute(
      { summary: "Executions by status for each node", query: WorkflowRecordsQuery, response: RecordMetricsResponseBody },
      async ({ deps, ctx, query }) => ({ recordMetrics: await workflowRecordMetrics(deps, ctx.workspaceUuid, query) }),
    ),
  ),
];
