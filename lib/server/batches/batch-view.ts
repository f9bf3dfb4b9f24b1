import { NO_BATCH_WEBHOOK, type Batch } from "@/lib/contract";
import type { StoredBatch } from "@/lib/db/repositories/batches";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";

type ViewDeps = Pick<Deps, "db">;

export function batchNotFound(uuid: string): AppError {
  return new AppError("not_found:batch", `No batch with uuid ${uuid}`, { reason: "batchNotFound" });
}

/** The stored batch, settled first: a `running` batch whose runs have all ended is `success` from then on. */
export async function loadBatch(deps: ViewDeps, workspaceUuid: string, uuid: string): Promise<StoredBatch> {
  await deps.db.batches.settle(workspaceUuid, [uuid]);
  const batch = await deps.db.batches.get(workspaceUuid, uuid);
  if (!batch) throw batchNotFound(uuid);
  return batch;
}

/** The batch as the API answers it, its counts rolled up from its runs. */
export async function batchView(deps: ViewDeps, workspaceUuid: string, uuid: string): Promise<Batch> {
  return toBatch(deps, await loadBatch(deps, workspaceUuid, uuid));
}

/** The answer for a stored batch: its counts, and its webhook's URL and delivery (never its secret). */
export async function toBatch(deps: ViewDeps, { nodes, ...batch }: StoredBatch): Promise<Batch> {
  const [counts, stored] = await Promise.all([deps.db.batches.counts(batch.uuid), deps.db.batchWebhooks.get(batch.uuid)]);
  const webhook = stored?.webhook ?? NO_BATCH_WEBHOOK;
  // A saved workflow's batch names it; the graph is shown for an ad-hoc graph or an action, as runs do.
  return { ...batch, ...(batch.workflowUuid === null && { nodes }), runsStatus: "healthy", creditsUsedCount: 0, ...counts, webhookUrl: stored?.url ?? null, webhook };
}
