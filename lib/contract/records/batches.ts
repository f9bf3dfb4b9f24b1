import { z } from "zod";
import { IsoDateTime, queryInteger, Uuid } from "../api/common";
import { refuseReleaseWithNodes, TopLevelAction } from "../workflow/run";
import { WorkflowNodes } from "../workflow/node";
import { BatchWebhook, BatchWebhookFields, requireWebhookSecret } from "./batch-webhooks";
import { Filter } from "./filter";

/** Terminal: success (its runs may have failed: `failedRunsCount`), error (it could not be created), cancelled. */
export const BatchStatus = z.enum(["pending", "running", "success", "error", "cancelled"]);
export type BatchStatus = z.infer<typeof BatchStatus>;

/** A record given inline: its `id` field names it (else its position), `name` or `title` titles it. */
const InlineRecord = z.record(z.string(), z.unknown());

/** Where a batch's records come from; one run per record, the record as the run's `data`. */
export const BatchData = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("records"), records: z.array(InlineRecord).describe("The records themselves") }),
  z.strictObject({ kind: z.literal("file"), fileUuid: Uuid.describe("An uploaded CSV (`POST /workspace/files`): one record per good row") }),
  z.strictObject({ kind: z.literal("recordIds"), modelUuid: Uuid, ids: z.array(z.string().min(1)).describe("Ids of the model's records") }),
  z.strictObject({
    kind: z.literal("filter"),
    modelUuid: Uuid,
    filter: Filter.describe("The model's records that match"),
    limit: z.number().int().min(1).optional().describe("At most this many records, in record id order"),
  }),
  z.strictObject({ kind: z.literal("segment"), segmentUuid: Uuid.describe("The segment's records, in its sort order") }),
  z.strictObject({
    kind: z.literal("change"),
    playUuid: Uuid.describe("The play that started it; only plays start batches of this kind"),
    modelUuid: Uuid,
    segmentUuid: Uuid,
    syncUuid: Uuid.describe("The sync whose changes to the segment it runs"),
    changeKinds: z.array(z.enum(["added", "updated", "removed"])).describe("The kinds of change it runs, as the play had them"),
    runCreationRule: z.enum(["always", "once"]).describe("`once`: only the records this batch enrolled in the play"),
  }),
  z.strictObject({
    kind: z.literal("schedule"),
    playUuid: Uuid.describe("The play whose cron schedule started it; only plays start batches of this kind"),
    segmentUuid: Uuid.describe("The segment's records at the tick, in its sort order"),
    tickAt: IsoDateTime.describe("The tick of the schedule it runs for"),
    runCreationRule: z.enum(["always", "once"]).describe("`once`: only the records this batch enrolled in the play"),
  }),
]);
export type BatchData = z.infer<typeof BatchData>;
export const BATCH_DATA_KINDS = BatchData.options.map((option) => option.shape.kind.value);

/**
 * Runs of one graph, one per record. Counts are over its current runs (one per record; a run a
 * retry replaced is not counted).
 */
export const Batch = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  workflowUuid: Uuid.nullable().describe("The workflow run, or null for an ad-hoc graph or a single action"),
  releaseUuid: Uuid.nullable().describe("The release run, or null for a workflow's draft, an ad-hoc graph or a single action"),
  nodes: WorkflowNodes.optional().describe("The graph, for a batch of an ad-hoc graph or an action"),
  data: BatchData,
  status: BatchStatus,
  runsStatus: z.literal("healthy").describe("Health of the runs; always healthy here"),
  runsCount: z.number().int().describe("Runs of the batch: one per record"),
  executedRunsCount: z.number().int().describe("Runs that have ended, whatever their status"),
  failedRunsCount: z.number().int().describe("Runs that ended in error"),
  creditsUsedCount: z.number().describe("Always 0: no credits here"),
  errorMessage: z.string().nullable().describe("Why the batch could not be created or started"),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
  webhookUrl: z.string().nullable().describe("Where `batch.finished` is delivered, or null"),
  webhook: BatchWebhook,
});
export type Batch = z.infer<typeof Batch>;

/**
 * `POST /orchestration/batches`. `data` is read by its `kind` on the server, so that an unknown
 * kind answers 400 `invalidDataKind` (see {@link BatchData} for each kind's fields).
 */
const BatchDataEnvelope = z.looseObject({ kind: z.string().describe(`One of ${BATCH_DATA_KINDS.join(", ")}`) });
export const CreateBatchRequestBody = z
  .looseObject({})
  .superRefine(refuseReleaseWithNodes)
  .pipe(
    z
      .union([
        z.strictObject({ workflowUuid: Uuid, data: BatchDataEnvelope, ...BatchWebhookFields }),
        z.strictObject({ nodes: WorkflowNodes, data: BatchDataEnvelope, ...BatchWebhookFields }),
        z.strictObject({ releaseUuid: Uuid, workflowUuid: Uuid.optional(), data: BatchDataEnvelope, ...BatchWebhookFields }),
      ])
      .superRefine(requireWebhookSecret),
  );
export type CreateBatchRequestBody = z.infer<typeof CreateBatchRequestBody>;

export const BatchResponseBody = z.object({ batch: Batch });
export type BatchResponseBody = z.infer<typeof BatchResponseBody>;

export const BatchListQuery = z.object({
  workflowUuid: Uuid.optional(),
  statuses: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      const parsed = z.array(BatchStatus).safeParse(text.split(",").map((status) => status.trim()));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: `statuses must be among ${BatchStatus.options.join(", ")}` });
      return z.NEVER;
    })
    .describe("Comma-separated statuses"),
  limit: queryInteger(1, 500).default(50),
});
export type BatchListQuery = z.infer<typeof BatchListQuery>;

export const BatchListResponseBody = z.object({ batches: z.array(Batch) });
export type BatchListResponseBody = z.infer<typeof BatchListResponseBody>;

export const BatchDownloadQuery = z.object({
  outputNodeSlug: z.string().min(1).optional().describe("The node whose output fills the columns; default the run's output (its end node's)"),
});
export type BatchDownloadQuery = z.infer<typeof BatchDownloadQuery>;

/** `POST /orchestration/actions/executeBatch`: one run of the action per record, each record its config. */
export const ExecuteBatchRequestBody = z
  .strictObject({
    action: TopLevelAction,
    records: z.array(InlineRecord).describe("Each record is one run's data and the action's config"),
    ...BatchWebhookFields,
  })
  .superRefine(requireWebhookSecret);
export type ExecuteBatchRequestBody = z.infer<typeof ExecuteBatchRequestBody>;

/**
 * The body of a batch webhook delivery: the batch as `GET /orchestration/batches/:uuid` answers it
 * at the time of the attempt. Signed as `X-Relay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<raw body>">`. The delivery's id is in the signed body as well as in `X-Relay-Delivery`,
 * so a receiver that drops repeats by it cannot be fooled by a replay under a fresh header.
 */
export const BatchFinishedEvent = z.object({
  event: z.literal("batch.finished"),
  deliveryUuid: z.string().describe("The same on every attempt of one delivery: drop a repeat by it"),
  batch: Batch,
});
export type BatchFinishedEvent = z.infer<typeof BatchFinishedEvent>;
