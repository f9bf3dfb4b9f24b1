import type { Batch, BatchListQuery } from "@/lib/contract";
import type { StoredBatch } from "@/lib/db/repositories/batches";
import type { Deps, Runs } from "../deps-types";
import { AppError } from "../errors";
import { batchLeaseGrant, holdBatchLease, type BatchLease } from "./batch-lease";
import { BATCH_CHUNK } from "./batch-records";
import { cancelBatchRuns, createBatchRuns, isCancelled } from "./batch-runs";
import { batchView, loadBatch, toBatch } from "./batch-view";

type BatchDeps = Pick<Deps, "db"> & { runs: Pick<Runs, "system" | "owner"> };

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
 * created (so it cannot be settled early), leased to this process, then `running`; its webhook,
 * if any, is due again when it ends. 409 for a batch that is still being created, was cancelled,
 * or could not be created.
 */
export async function retryFailedRuns(deps: BatchDeps, workspaceUuid: string, uuid: string): Promise<Batch> {
  const batch = await loadBatch(deps, workspaceUuid, uuid);
  const grant = batchLeaseGrant(deps.runs.owner, "retry");
  const started = await deps.db.transaction(async (tx) => {
    if (!(await tx.batches.transition(workspaceUuid, uuid, ["running", "success"], "pending", { lease: grant }))) return false;
    // A retry with nothing to retry ends as it was: no second batch.finished for it.
    if ((await tx.batches.counts(uuid)).failedRunsCount > 0) await tx.batchWebhooks.rearm(uuid);
    return true;
  });
  if (!started) {
    throw new AppError("conflict:batch", `The batch is ${batch.status}; only a running or finished batch can retry its failed runs`, {
      reason: "batchNotRetryable",
    });
  }
  const lease = holdBatchLease(deps.db, uuid, grant.holder);
  // Runs created by this retry may fail while it goes on: they are not retried again.
  const created = new Set<string>();
  let after: { createdAt: string; uuid: string } | undefined;
  try {
    for (;;) {
      const failed = await deps.db.batches.runs(uuid, { after, limit: BATCH_CHUNK, status: "error" });
      if (failed.length === 0 || !(await lease.renew())) break;
      after = failed.at(-1)!;
      const retried = failed.filter((run) => !created.has(run.uuid));
      const records = retried.map((run) => ({ data: run.data, recordId: run.recordId ?? "", recordTitle: run.recordTitle ?? "" }));
      for (const fresh of await createBatchRuns(deps, batch, records)) created.add(fresh);
      await deps.db.batches.markRetried(retried.map((run) => run.uuid));
    }
  } finally {
    await endRetry(deps, batch, lease);
  }
  return batchView(deps, workspaceUuid, uuid);
}

/**
 * Ends a retry, this process's or one a worker took over from a process that died: the batch is
 * `running` again if the lease is still held, and every unfinished run is cancelled if the batch
 * was cancelled meanwhile. A taken-over retry is not carried on (its failed runs not yet reached
 * stay failed, to be retried again); `markReplaced` first retires the runs it had replaced without
 * marking them, so no record counts twice.
 */
export async function endRetry(deps: BatchDeps, batch: StoredBatch, lease: BatchLease, { tookOver = false } = {}): Promise<void> {
  try {
    if (tookOver) await deps.db.batches.markReplaced(batch.uuid);
  } finally {
    // A heartbeat left running would hold the batch pending for ever.
    await lease.stop();
  }
  if (await deps.db.batches.transition(batch.workspaceUuid, batch.uuid, ["pending"], "running", { heldBy: lease.holder })) return;
  if (await isCancelled(deps, batch)) await cancelBatchRuns(deps, batch.workspaceUuid, batch.uuid);
}
