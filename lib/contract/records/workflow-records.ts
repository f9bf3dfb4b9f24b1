import { z } from "zod";
import { IsoDateTime, queryInteger, Uuid } from "../api/common";
import { RunStatus, RunStatusesQuery } from "../workflow/run";

/**
 * A record's enrollment in a workflow (Cargo's `WorkflowRecord`): one per run a batch made for
 * it; a run a retry replaced is not listed.
 */
export const WorkflowRecord = z.object({
  id: z.string(),
  title: z.string(),
  workflowUuid: Uuid.nullable(),
  runUuid: Uuid,
  releaseUuid: Uuid.nullable().describe("Always null until releases exist"),
  batchUuid: Uuid,
  status: RunStatus,
  errorMessage: z.string().nullable(),
  isGroupParent: z.boolean(),
  parentRunUuid: Uuid.nullable(),
  parentNodeUuid: Uuid.nullable(),
  parentBatchUuid: Uuid.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type WorkflowRecord = z.infer<typeof WorkflowRecord>;

/** `orchestration/records/list|count|metrics`: by workflow or by batch (one of them at least). */
export const WorkflowRecordsQuery = z
  .object({
    workflowUuid: Uuid.optional(),
    batchUuid: Uuid.optional(),
    statuses: RunStatusesQuery,
    limit: queryInteger(1, 1000).default(100),
    offset: queryInteger(0).default(0),
  })
  .refine((query) => query.workflowUuid || query.batchUuid, { message: "Give workflowUuid or batchUuid", path: ["workflowUuid"] });
export type WorkflowRecordsQuery = z.infer<typeof WorkflowRecordsQuery>;

/** Executions of one node over the records in scope, by status. */
export const RecordMetric = z.object({
  nodeUuid: z.string(),
  nodeSlug: z.string(),
  totalExecutionsCount: z.number().int(),
  pendingExecutionsCount: z.number().int(),
  runningExecutionsCount: z.number().int(),
  successExecutionsCount: z.number().int(),
  errorExecutionsCount: z.number().int(),
  cancelledExecutionsCount: z.number().int(),
  creditsUsedCount: z.number(),
});
export type RecordMetric = z.infer<typeof RecordMetric>;

export const WorkflowRecordListResponseBody = z.object({ records: z.array(WorkflowRecord), count: z.number().int() });
export type WorkflowRecordListResponseBody = z.infer<typeof WorkflowRecordListResponseBody>;
export const WorkflowRecordCountResponseBody = z.object({ count: z.number().int().describe("Records in scope, whatever the limit and offset") });
export type WorkflowRecordCountResponseBody = z.infer<typeof WorkflowRecordCountResponseBody>;
export const RecordMetricsResponseBody = z.object({ recordMetrics: z.array(RecordMetric) });
export type RecordMetricsResponseBody = z.infer<typeof RecordMetricsResponseBody>;
