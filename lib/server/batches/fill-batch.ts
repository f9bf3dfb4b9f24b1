import type { StoredBatch } from "@/lib/db/repositories/batches";
import type { Deps, Runs } from "../deps-types";
import type { BatchLease } from "./batch-lease";
import type { BatchRecord } from "./batch-records";
import { cancelBatchRuns, createBatchRuns, isCancelled } from "./batch-runs";

export type FillDeps = Pick<Deps, "db"> & { runs: Pick<Runs, "system"> };

/**
 * Creates the runs of a `pending` batch, chunk by chunk, while `lease` holds it, then makes it
 * `running`. A cancel or a takeover makes the renewal before the next chunk fail, which stops it;
 * a failure ends the batch `error` and cancels what was created. With `resume` (a worker took the
 * batch over from a dead creator), records that already have their run are skipped.
 */
export async function fillBatch(
  deps: FillDeps,
  batch: StoredBatch,
  lease: BatchLease,
  chunks: AsyncIterable<BatchRecord[]>,
  { resume = false, signal }: { resume?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  const { workspaceUuid, uuid } = batch;
  const missing = resume ? missingRuns(deps, uuid) : async (records: BatchRecord[]) => records;
  let interrupted = false;
  try {
    for await (const chunk of chunks) {
      interrupted = signal?.aborted ?? false;
      if (interrupted || !(await lease.renew())) break;
      const records = await missing(chunk);
      if (records.length > 0) {
        await createBatchRuns(deps, batch, records);
        await deps.db.batches.addRuns(uuid, records.length);
      }
      // SQLite answers synchronously: without a turn of the event loop between chunks, a large
      // batch would hold up every request, heartbeat and sweep of the process until it is created.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    await lease.stop();
    const errorMessage = `The batch could not be created: ${(error as Error)?.message ?? error}`;
    // Half a batch is not left running: what was created is cancelled, and the batch says why.
    const ended = await deps.db.batches.transition(workspaceUuid, uuid, ["pending"], "error", { errorMessage, heldBy: lease.holder });
    if (ended || (await isCancelled(deps, batch))) await cancelBatchRuns(deps, workspaceUuid, uuid);
    return;
  }
  // The worker is stopping: the lease is freed so that the next sweep, anywhere, resumes at once.
  if (interrupted) return lease.stop({ release: true });
  await lease.stop();
  if (await deps.db.batches.transition(workspaceUuid, uuid, ["pending"], "running", { heldBy: lease.holder })) return;
  // Cancelled while its runs were created: the runs created since the cancel are cancelled too.
  // Taken over instead: the new holder goes on, and nothing is cancelled.
  if (await isCancelled(deps, batch)) await cancelBatchRuns(deps, workspaceUuid, uuid);
}

/**
 * The records of each chunk that still need their run. Records come in the same order on every
 * read, so the k-th record with a given id needs a run when the batch has fewer than k runs for
 * that id: a record id given twice still gets two. Holds one count per distinct record id, as
 * the model kinds already hold their ids.
 */
function missingRuns(deps: Pick<Deps, "db">, batchUuid: string): (chunk: BatchRecord[]) => Promise<BatchRecord[]> {
  const seen = new Map<string, number>();
  return async (chunk) => {
    const have = await deps.db.batches.recordRunCounts(batchUuid, [...new Set(chunk.map((record) => record.recordId))]);
    return chunk.filter(({ recordId }) => {
      const occurrence = (seen.get(recordId) ?? 0) + 1;
      seen.set(recordId, occurrence);
      return (have.get(recordId) ?? 0) < occurrence;
    });
  };
}
