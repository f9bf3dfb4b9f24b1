import type { StoredBatch } from "@/lib/db/repositories/batches";
import type { Deps, Runs } from "../deps-types";
import type { BatchRecord } from "./batch-records";

type BatchRunsDeps = Pick<Deps, "db"> & { runs: Pick<Runs, "system"> };

/**
 * Run creations in flight at once: enough to hide Postgres round trips, few enough to leave the
 * pool to the runs already executing.
 */
const CREATING_AT_ONCE = 8;

/**
 * One run per record, each through the run system's `createRun`, as any run is created: leased
 * to this process or left to a job, executed within the queue's concurrency and the connector's
 * rate limit. Answers the new runs' uuids.
 */
export async function createBatchRuns(deps: BatchRunsDeps, batch: StoredBatch, records: readonly BatchRecord[]): Promise<string[]> {
  const uuids: string[] = new Array(records.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < records.length; index = next++) {
      const { data, recordId, recordTitle } = records[index]!;
      const state = await deps.runs.system.createRun({
        workspaceUuid: batch.workspaceUuid,
        workflowUuid: batch.workflowUuid,
        releaseUuid: batch.releaseUuid,
        nodes: batch.nodes,
        data,
        batch: { batchUuid: batch.uuid, recordId, recordTitle },
      });
      uuids[index] = state.run.uuid;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CREATING_AT_ONCE, records.length) }, worker));
  return uuids;
}

/**
 * Cancels every unfinished run of the batch through the run system's cancel (a run mid-call is
 * aborted), page by page until none is left.
 */
export async function cancelBatchRuns(deps: BatchRunsDeps, workspaceUuid: string, batchUuid: string): Promise<void> {
  for (;;) {
    const uuids = await deps.db.batches.unfinishedRuns(batchUuid, 500);
    if (uuids.length === 0) return;
    // Each page ends: cancelled here, or it ended on its own meanwhile.
    await deps.runs.system.cancelRuns(workspaceUuid, uuids);
  }
}

/** Whether the batch was cancelled (checked between chunks, so a cancel stops a creation under way). */
export async function isCancelled(deps: Pick<Deps, "db">, batch: StoredBatch): Promise<boolean> {
  return (await deps.db.batches.get(batch.workspaceUuid, batch.uuid))?.status === "cancelled";
}
