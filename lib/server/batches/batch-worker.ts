import type { Deps, Runs } from "../deps-types";
import { endRetry } from "./batches";
import { BATCH_LEASE_MS, batchLeaseHolder, holdBatchLease } from "./batch-lease";
import { batchRecords } from "./batch-records";
import { DEFAULT_WEBHOOK_TIMING, deliverBatchWebhook, type BatchWebhookTiming } from "./batch-webhook";
import type { BatchWorker } from "./batch-worker-types";
import { fillBatch } from "./fill-batch";

export type { BatchWorker };

export type BatchWorkerDeps = Pick<Deps, "db" | "settings" | "vault" | "integrations"> & { runs: Pick<Runs, "system" | "owner"> };

export interface BatchWorkerTiming {
  sweepMs: number;
  webhook: BatchWebhookTiming;
}

export const DEFAULT_BATCH_WORKER_TIMING: BatchWorkerTiming = { sweepMs: 1_000, webhook: DEFAULT_WEBHOOK_TIMING };

/** Per sweep: running batches settled, deliveries attempted, pending batches taken over. */
const SETTLED_AT_ONCE = 200;
const DELIVERED_AT_ONCE = 16;
const TAKEN_OVER_AT_ONCE = 4;

/**
 * The worker side of batches. Batches are settled when read, which a batch nobody reads never
 * is: the sweep settles those whose webhook waits, then claims each due delivery with a
 * conditional UPDATE of its lease (so of all the workers sweeping, one sends each attempt), and
 * takes over `pending` batches whose lease ran out: a creation is resumed (records that have
 * their run skipped), a retry is ended (see `endRetry`).
 */
export function createBatchWorker(
  deps: BatchWorkerDeps,
  { owner = deps.runs.owner, timing = DEFAULT_BATCH_WORKER_TIMING }: { owner?: string; timing?: BatchWorkerTiming } = {},
): BatchWorker {
  const busy = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  let looking: Promise<unknown> | undefined;

  /** One piece of work per key in this process at a time: the sweeps of one process may overlap. */
  const track = (key: string, work: () => Promise<void>): Promise<void> | undefined => {
    if (stopping.signal.aborted) return undefined;
    const existing = busy.get(key);
    if (existing) return existing;
    const promise = work()
      .catch(logError)
      .finally(() => busy.delete(key));
    busy.set(key, promise);
    return promise;
  };

  const deliver = (batchUuid: string, now: Date) =>
    track(`webhook:${batchUuid}`, async () => {
      const holder = batchLeaseHolder(owner);
      const target = await deps.db.batchWebhooks.claim(batchUuid, holder, now, new Date(now.getTime() + timing.webhook.leaseMs));
      if (target) await deliverBatchWebhook(deps, target, holder, { now, timing: timing.webhook, signal: stopping.signal });
    });

  const takeOver = (workspaceUuid: string, batchUuid: string, now: Date) =>
    track(`batch:${batchUuid}`, async () => {
      const holder = batchLeaseHolder(owner);
      const task = await deps.db.batchLeases.claim(batchUuid, holder, now, new Date(now.getTime() + BATCH_LEASE_MS));
      const batch = task && (await deps.db.batches.get(workspaceUuid, batchUuid));
      if (!batch) return;
      console.info(`[batches] took over batch ${batchUuid} (${task === "create" ? "creating its runs" : "retrying its failed runs"}): its holder stopped renewing it`);
      const lease = holdBatchLease(deps.db, batchUuid, holder);
      if (task === "retry") return endRetry(deps, batch, lease, { tookOver: true });
      await fillBatch(deps, batch, lease, batchRecords(deps, workspaceUuid, batch.data), { resume: true, signal: stopping.signal });
    });

  const look = async (now: Date): Promise<Array<Promise<void> | undefined>> => {
    const awaiting = await deps.db.batchWebhooks.listAwaiting(SETTLED_AT_ONCE);
    for (const workspaceUuid of new Set(awaiting.map((batch) => batch.workspaceUuid))) {
      await deps.db.batches.settle(workspaceUuid, awaiting.filter((batch) => batch.workspaceUuid === workspaceUuid).map((batch) => batch.batchUuid));
    }
    const due = await deps.db.batchWebhooks.listDue(now, DELIVERED_AT_ONCE);
    const orphans = await deps.db.batchLeases.listClaimable(now, TAKEN_OVER_AT_ONCE);
    return [...due.map((batchUuid) => deliver(batchUuid, now)), ...orphans.map((batch) => takeOver(batch.workspaceUuid, batch.uuid, now))];
  };

  return {
    async sweep(now = new Date()) {
      await Promise.all(await look(now));
    },
    startSweeping() {
      if (sweeper) return;
      sweeper = setInterval(() => {
        // A resumed creation may take minutes: the next looks go on meanwhile, one at a time.
        if (looking) return;
        looking = look(new Date())
          .catch(logError)
          .finally(() => (looking = undefined));
      }, timing.sweepMs);
      sweeper.unref?.();
    },
    async stop() {
      clearInterval(sweeper);
      stopping.abort(new Error("The worker is stopping"));
      await looking;
      await Promise.allSettled(busy.values());
    },
  };
}

function logError(error: unknown) {
  console.error(`[batches] sweep: ${(error as Error)?.message ?? error}`);
}
