import type { Batch, BatchData, CreateBatchRequestBody, ExecuteBatchRequestBody, ExpressionObject, WorkflowNode } from "@/lib/contract";
import type { StoredBatch } from "@/lib/db/repositories/batches";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { actionGraph, assertRunnable, graphOf } from "../runs";
import { batchRecords, parseBatchData } from "./batch-records";
import { cancelBatchRuns, createBatchRuns, isCancelled } from "./batch-runs";
import { batchView } from "./batch-view";

type CreateDeps = Pick<Deps, "db" | "integrations" | "runs" | "settings">;

/**
 * `POST /orchestration/batches`: the graph is validated once (422 as for a run), the records are
 * resolved (404 for a model, file or segment that is not there, 400 `noRecords` for none), then
 * one run per record is created, chunk by chunk. The batch is `pending` while its runs are
 * created and `running` after; a cancel meanwhile stops the creation.
 */
export async function createBatch(deps: CreateDeps, workspaceUuid: string, body: CreateBatchRequestBody): Promise<Batch> {
  const data = parseBatchData(body.data);
  const { nodes, workflowUuid } = await graphOf(deps, workspaceUuid, body);
  await assertRunnable(deps, workspaceUuid, nodes);
  return startBatch(deps, workspaceUuid, { workflowUuid, nodes, data });
}

/**
 * `POST /orchestration/actions/executeBatch`: a batch over start → the action, as
 * `actions/execute` runs it, with each record both the run's data and the action's config (each
 * field an expression over `nodes.start`, so one graph serves every record and is validated once).
 */
export async function executeBatch(deps: CreateDeps, workspaceUuid: string, body: ExecuteBatchRequestBody): Promise<Batch> {
  const fields = [...new Set(body.records.flatMap((record) => Object.keys(record)))];
  const config = Object.fromEntries(fields.map((field) => [field, startField(field)]));
  const nodes = await actionGraph(deps, workspaceUuid, body.action, config);
  await assertRunnable(deps, workspaceUuid, nodes);
  return startBatch(deps, workspaceUuid, { workflowUuid: null, nodes, data: { kind: "records", records: body.records } });
}

/** `nodes.start.<field>` as an expression; a field that is not an identifier is read by brackets. */
function startField(field: string): ExpressionObject {
  const path = /^[A-Za-z_$][\w$]*$/.test(field) ? `nodes.start.${field}` : `nodes.start[${JSON.stringify(field)}]`;
  return { kind: "jsExpression", expression: path, instructTo: "none", fromRecipe: false };
}

async function startBatch(
  deps: CreateDeps,
  workspaceUuid: string,
  input: { workflowUuid: string | null; nodes: WorkflowNode[]; data: BatchData },
): Promise<Batch> {
  const chunks = batchRecords(deps, workspaceUuid, input.data);
  // The first chunk before the batch exists: a missing source or no records creates nothing.
  let next = await chunks.next();
  if (next.done) throw new AppError("bad_request:data", "The batch has no records to run", { reason: "noRecords" });
  const now = new Date().toISOString();
  const batch: StoredBatch = { uuid: crypto.randomUUID(), workspaceUuid, ...input, status: "pending", errorMessage: null, createdAt: now, updatedAt: now, finishedAt: null };
  await deps.db.batches.create(batch);
  try {
    for (; !next.done; next = await chunks.next()) {
      if (await isCancelled(deps, batch)) break;
      await createBatchRuns(deps, batch, next.value);
      await deps.db.batches.addRuns(batch.uuid, next.value.length);
      // SQLite answers synchronously: without a turn of the event loop between chunks, a large
      // batch would hold up every request, heartbeat and sweep of the process until it is created.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    await chunks.return(undefined);
    // Half a batch is not left running: what was created is cancelled, and the batch says why.
    await deps.db.batches.transition(workspaceUuid, batch.uuid, ["pending"], "error", `The batch could not be created: ${(error as Error).message}`);
    await cancelBatchRuns(deps, workspaceUuid, batch.uuid);
    return batchView(deps, workspaceUuid, batch.uuid);
  }
  // Cancelled while its runs were created: the runs created since the cancel are cancelled too.
  if (!(await deps.db.batches.transition(workspaceUuid, batch.uuid, ["pending"], "running"))) await cancelBatchRuns(deps, workspaceUuid, batch.uuid);
  return batchView(deps, workspaceUuid, batch.uuid);
}
