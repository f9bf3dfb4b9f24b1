import { z } from "zod";
import { IsoDateTime, queryInteger, Uuid } from "../api/common";
import { NodeRetryPolicy, WorkflowNodes } from "./node";

/** Terminal: success, error, cancelled. */
export const RunStatus = z.enum(["pending", "running", "success", "error", "cancelled"]);
export type RunStatus = z.infer<typeof RunStatus>;

export const ExecutionStatus = z.enum(["pending", "running", "success", "error", "cancelled", "skipped"]);
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;

/** One node's execution within a run. */
export const Execution = z.object({
  nodeUuid: z.string(),
  nodeSlug: z.string(),
  nodeKind: z.string(),
  nodeActionSlug: z.string().nullable(),
  nodeChildIndex: z.number().int().nullable().describe("Which child the run continued to; null when it stopped here"),
  nextNodeUuid: z.string().nullable(),
  status: ExecutionStatus,
  errorMessage: z.string().nullable(),
  title: z.string().describe("Short human summary of what the node did"),
  attempts: z.number().int().describe("Calls made, retries and `executing` polls included"),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
  groupNodeUuid: z
    .string()
    .optional()
    .describe("Set for a node of a group's sub-graph: the group node it ran inside (the innermost one, when groups nest)"),
  itemIndex: z.number().int().optional().describe("Set for a node of a group's sub-graph: which item of the group (from 0) it ran for"),
});
export type Execution = z.infer<typeof Execution>;

/** A run of a graph. Its context and computed configs come with `GET /orchestration/runs/:uuid`. */
export const Run = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  workflowUuid: Uuid.nullable().describe("The workflow run, or null for an ad-hoc graph or a single action"),
  releaseUuid: Uuid.nullable().describe("The release run, or null for a workflow's draft, an ad-hoc graph or a single action"),
  nodes: WorkflowNodes.describe("The graph as it was when the run was created"),
  data: z.record(z.string(), z.unknown()).describe("The input: the start node's output"),
  batchUuid: Uuid.nullable().describe("The batch that created the run (one run per record), or null"),
  recordId: z.string().nullable().describe("In a batch: the id of the record the run is for"),
  recordTitle: z.string().nullable().describe("In a batch: the title of the record the run is for"),
  status: RunStatus,
  errorMessage: z.string().nullable(),
  output: z.record(z.string(), z.unknown()).nullable().describe("The end node's variables, once it has run"),
  executions: z.array(Execution),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type Run = z.infer<typeof Run>;

/** A run in lists: no graph, no executions. */
export const RunSummary = Run.pick({
  uuid: true,
  workflowUuid: true,
  releaseUuid: true,
  batchUuid: true,
  recordId: true,
  recordTitle: true,
  status: true,
  errorMessage: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
});
export type RunSummary = z.infer<typeof RunSummary>;

const RunData = z.record(z.string(), z.unknown()).default({}).describe("The run's input, the start node's output");

/** A body naming a release and a graph of its own is Cargo's `invalidReleaseOrCustomNodes` (runs and batches). */
export function refuseReleaseWithNodes(body: Record<string, unknown>, ctx: z.RefinementCtx) {
  if ("releaseUuid" in body && "nodes" in body) {
    ctx.addIssue({
      code: "custom",
      path: ["releaseUuid"],
      message: "Give either releaseUuid (a deployed graph) or nodes (a graph of your own), not both",
      params: { reason: "invalidReleaseOrCustomNodes" },
    });
  }
}

/**
 * A run of the workflow's draft (`workflowUuid`), of one of its releases (`releaseUuid`), or of an
 * ad-hoc graph (`nodes`).
 */
export const CreateRunRequestBody = z
  .looseObject({})
  .superRefine(refuseReleaseWithNodes)
  .pipe(
    z.union([
      z.strictObject({ workflowUuid: Uuid, data: RunData }),
      z.strictObject({ nodes: WorkflowNodes, data: RunData }),
      z.strictObject({ releaseUuid: Uuid, workflowUuid: Uuid.optional().describe("Checked against the release's, when given"), data: RunData }),
    ]),
  );
export type CreateRunRequestBody = z.infer<typeof CreateRunRequestBody>;

export const CreateRunQuery = z.object({
  waitUntilFinished: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .describe("Answer only once the run has finished (at most 60 s)"),
});

export const RunResponseBody = z.object({ run: Run });
export type RunResponseBody = z.infer<typeof RunResponseBody>;

export const GetRunResponseBody = z.object({
  run: Run,
  runContext: z.record(z.string(), z.unknown()).describe("Each executed node's output, by slug"),
  runComputedConfigs: z.record(z.string(), z.unknown()).describe("The config each executed node was called with, by slug"),
});
export type GetRunResponseBody = z.infer<typeof GetRunResponseBody>;

/** `?statuses=a,b`: comma-separated run statuses, each checked. */
export const RunStatusesQuery = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text) return undefined;
    const statuses = text.split(",").map((status) => status.trim());
    const parsed = z.array(RunStatus).safeParse(statuses);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: `statuses must be among ${RunStatus.options.join(", ")}` });
      return z.NEVER;
    }
    return parsed.data;
  })
  .describe("Comma-separated statuses");

export const RunListQuery = z.object({
  workflowUuid: Uuid.optional(),
  batchUuid: Uuid.optional().describe("Only the runs of this batch"),
  statuses: RunStatusesQuery,
  limit: queryInteger(1, 500).default(50),
});
export type RunListQuery = z.infer<typeof RunListQuery>;

export const RunListResponseBody = z.object({ runs: z.array(RunSummary) });
export type RunListResponseBody = z.infer<typeof RunListResponseBody>;

export const CancelRunsRequestBody = z.object({ uuids: z.array(Uuid).min(1).max(500) });
export type CancelRunsRequestBody = z.infer<typeof CancelRunsRequestBody>;
export const CancelRunsResponseBody = z.object({
  cancelledUuids: z.array(Uuid).describe("The runs this request stopped; a run that had already ended is not among them"),
});
export type CancelRunsResponseBody = z.infer<typeof CancelRunsResponseBody>;

/** A top-level action: no config; its inputs go in `data`. */
export const TopLevelAction = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("connector"),
    integrationSlug: z.string().min(1),
    actionSlug: z.string().min(1),
    connectorUuid: Uuid,
    retry: NodeRetryPolicy.optional(),
  }),
  z.object({ kind: z.literal("native"), actionSlug: z.string().min(1), retry: NodeRetryPolicy.optional() }),
]);
export type TopLevelAction = z.infer<typeof TopLevelAction>;

export const ExecuteTopLevelActionRequestBody = z.object({
  action: TopLevelAction,
  data: z.record(z.string(), z.unknown()).default({}).describe("The action's config (literals or expressions over nodes.start = data)"),
});
export type ExecuteTopLevelActionRequestBody = z.infer<typeof ExecuteTopLevelActionRequestBody>;
