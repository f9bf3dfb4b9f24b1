import type { Batch, BatchListQuery } from "@/lib/contract";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { BATCH_CHUNK } from "./batch-records";
import { cancelBatchRuns, createBatchRuns, isCancelled } from "./batch-runs";
import { batchView, loadBatch, toBatch } from "./batch-view";

type BatchDeps = Pick<Deps, "db" | "runs">;

/** The batch, settled, with its counts. */
export async function getBatch(deps: BatchDeps, workspaceUuid: string, uuid: string): Promise<Batch> {
  return batchView(deps, workspaceUuid, uuid);
}

/** Newest first; statuses are as settled now (a batch whose runs have all ended is `success`). */
export async function listBatches(deps: BatchDeps, workspaceUuid: string, query: BatchListQuery): Promise<Batch[]> {
  await deps.db.batches.settle(workspaceUuid);
  const batches = await deps.db.batches.list(workspaceUuid, query);
  return Promise.all(batches.map((batch) => toBatch(deps, batch)));
}

/**
 * Cancels the batch and every run of it that has not ended (through the runs' own cancel: a run
 * mid-call is aborted). A batch that has already ended is answered as it is.
 */
export async function cancelBatch(deps: BatchDeps, workspaceUuid: string, uuid: string): Promise<Batch> {
  await loadBatch(deps, workspaceUuid, uuid);
  if (await deps.db.batches.transition(workspaceUuid, uuid, ["pending", "running"], "cancelled")) await cancelBatchRuns(deps, workspaceUuid, uuid);
  return batchView(deps, workspaceUuid, uuid);
}

/**
 * New runs, in the same batch, for the records whose run failed (and only those); the failed
 * runs stay as history but leave the batch's counts. The batch is `pending` while they are
 * created (so it cannot be settled early), then `running`. 409 for a batch that is still being
 * created, was cancelled, or could not be created.
 */
export async function retryFailedRuns(deps: BatchDeps, workspaceUuid: string, uuid: string): Promise<Batch> {
  const batch = await loadBatch(deps, workspaceUuid, uuid);
  if (!(await deps.db.batches.transition(workspaceUuid, uuid, ["running", "success"], "pending"))) {
    throw new AppError("conflict:batch", `The batch is ${batch.status}; only a running or finished batch can retry its failed runs`, {
      reason: "batchNotRetryable",
    });
  }
  // Runs created by this retry may fail while it goes on: they are not retried again.
  const created = new Set<string>();
  let after: { createdAt: string; uuid: string } | undefined;
  try {
    for (;;) {
      const failed = await deps.db.batches.runs(uuid, { after, limit: BATCH_CHUNK, status: "error" });
      if (failed.length === 0 || (await isCancelled(deps, batch))) break;
      after = failed.at(-1)!;
      const retried = failed.filter((run) => !created.has(run.uuid));
      const records = retried.map((run) => ({ data: run.data, recordId: run.recordId ?? "", recordTitle: run.recordTitle ?? "" }));
      for (const fresh of await createBatchRuns(deps, batch, records)) created.add(fresh);
      await deps.db.batches.markRetried(retried.map((run) => run.uuid));
    }
  } finally {
    if (!(await deps.db.batches.transition(workspaceUuid, uuid, ["pending"], "running"))) await cancelBatchRuns(deps, workspaceUuid, uuid);
  }
  return batchView(deps, workspaceUuid, uuid);
}
