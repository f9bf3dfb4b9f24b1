import type { Batch, BatchData, CreateBatchRequestBody, ExecuteBatchRequestBody, ExpressionObject, WorkflowNode } from "@/lib/contract";
import type { Repositories } from "@/lib/db";
import type { StoredBatch } from "@/lib/db/repositories/batches";
import type { Deps, Runs } from "../deps-types";
import { AppError } from "../errors";
import { actionGraph, assertRunnable, graphOf } from "../runs";
import { batchRecords, parseBatchData } from "./batch-records";
import { batchLeaseGrant, holdBatchLease } from "./batch-lease";
import { batchView } from "./batch-view";
import { sealBatchWebhook } from "./batch-webhook";
import { fillBatch } from "./fill-batch";

type CreateDeps = Pick<Deps, "db" | "integrations" | "runs" | "settings" | "vault">;
type StartDeps = Pick<Deps, "db" | "settings" | "vault"> & { runs: Pick<Runs, "system" | "owner"> };

/**
 * `POST /orchestration/batches`: the graph is validated once (422 as for a run), the records are
 * resolved (404 for a model, file or segment that is not there, 400 `noRecords` for none), then
 * one run per record is created, chunk by chunk. The batch is `pending` while its runs are
 * created (leased to this process) and `running` after; a cancel meanwhile stops the creation.
 * With `webhookUrl`, `batch.finished` is delivered once the batch ends (`batch-worker.ts`).
 */
export async function createBatch(deps: CreateDeps, workspaceUuid: string, body: CreateBatchRequestBody): Promise<Batch> {
  // Before its fields are read: a caller cannot start these kinds, whatever it sends with them.
  if (body.data.kind === "change" || body.data.kind === "schedule") {
    throw new AppError("bad_request:data", `Batches of kind ${body.data.kind} are started by plays, on their segment's changes or their schedule`, { reason: "invalidDataKind" });
  }
  const data = parseBatchData(body.data);
  const { nodes, workflowUuid, releaseUuid } = await graphOf(deps, workspaceUuid, body);
  await assertRunnable(deps, workspaceUuid, nodes);
  return startBatch(deps, workspaceUuid, { workflowUuid, releaseUuid, nodes, data }, body);
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
  return startBatch(deps, workspaceUuid, { workflowUuid: null, releaseUuid: null, nodes, data: { kind: "records", records: body.records } }, body);
}

/** `nodes.start.<field>` as an expression; a field that is not an identifier is read by brackets. */
function startField(field: string): ExpressionObject {
  const path = /^[A-Za-z_$][\w$]*$/.test(field) ? `nodes.start.${field}` : `nodes.start[${JSON.stringify(field)}]`;
  return { kind: "jsExpression", expression: path, instructTo: "none", fromRecipe: false };
}

/**
 * Creates a batch and its runs. `also` writes more in the transaction that inserts the batch (a
 * play's trigger and enrollments), so both land or neither; it throws {@link BatchNotStarted} to
 * leave nothing written, which the caller catches. With `recordsAfterCommit` the records are read
 * only once that transaction has committed: a play whose rule is "once" runs exactly what its
 * transaction enrolled, not what it saw before another trigger enrolled the same records (its
 * `also` refuses an empty enrollment, as `noRecords` would).
 */
export async function startBatch(
  deps: StartDeps,
  workspaceUuid: string,
  input: { workflowUuid: string | null; releaseUuid: string | null; nodes: WorkflowNode[]; data: BatchData },
  webhook: { webhookUrl?: string; webhookSecret?: string },
  {
    also,
    recordsAfterCommit = false,
    signal,
  }: {
    also?: (tx: Repositories, batch: StoredBatch) => Promise<void>;
    recordsAfterCommit?: boolean;
    /** The worker is stopping: the batch's runs stop being created, and its lease is freed for the next sweep. */
    signal?: AbortSignal;
  } = {},
): Promise<Batch> {
  let chunks = batchRecords(deps, workspaceUuid, input.data);
  // The first chunk before the batch exists: a missing source or no records creates nothing.
  let first = recordsAfterCommit ? null : await chunks.next();
  if (first?.done) throw new AppError("bad_request:data", "The batch has no records to run", { reason: "noRecords" });
  const now = new Date().toISOString();
  const batch: StoredBatch = { uuid: crypto.randomUUID(), workspaceUuid, ...input, status: "pending", errorMessage: null, createdAt: now, updatedAt: now, finishedAt: null };
  // Leased to this process while it creates the runs: should it die, a worker's sweep finishes the batch.
  const lease = batchLeaseGrant(deps.runs.owner, "create");
  const sealed = sealBatchWebhook(deps.vault, batch, webhook);
  try {
    await deps.db.transaction(async (tx) => {
      if (also) await also(tx, batch);
      await tx.batches.create(batch, lease);
      if (sealed) await tx.batchWebhooks.create(sealed);
    });
  } catch (error) {
    await chunks.return(undefined);
    throw error;
  }
  if (!first) {
    chunks = batchRecords(deps, workspaceUuid, input.data);
    first = await chunks.next();
  }
  await fillBatch(deps, batch, holdBatchLease(deps.db, batch.uuid, lease.holder), first.done ? chunks : withFirst(first.value, chunks), { signal });
  return batchView(deps, workspaceUuid, batch.uuid);
}

/** Thrown by a `startBatch` caller's `also` to roll the batch back: nothing is written. */
export class BatchNotStarted extends Error {}

async function* withFirst<T>(first: T, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}
