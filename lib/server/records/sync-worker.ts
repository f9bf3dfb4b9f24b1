import { ownEntry } from "@/lib/contract/own-entry";
import { syncIntervalOf } from "@/lib/contract";
import type { ConnectorCtx } from "../deps-types";
import type { JobQueue } from "../jobs";
import { executeSync, type OnSyncSucceeded, type SyncTiming } from "./model-sync";
import type { SyncWorker } from "./sync-types";

export type { SyncWorker };

export const DEFAULT_SYNC_TIMING: SyncTiming & { sweepMs: number } = { leaseMs: 30_000, sweepMs: 5_000 };

/** How long the changes each sync made to each segment are kept (`SEGMENT_CHANGES_RETENTION_DAYS`). */
export const DEFAULT_SEGMENT_CHANGES_RETENTION_DAYS = 90;
const PRUNE_EVERY_MS = 3_600_000;


/**
 * Runs syncs in a worker. A sync is claimed with a conditional UPDATE and renewed by heartbeat,
 * like a run; the sweep picks up syncs nobody holds (a dead process's, or one whose job went
 * nowhere) and starts the scheduled ones that are due, once whatever the number of workers (one
 * open sync per model, by a unique index).
 */
export function createSyncWorker(
  ctx: ConnectorCtx,
  {
    owner,
    jobs,
    timing = DEFAULT_SYNC_TIMING,
    changesRetentionDays = DEFAULT_SEGMENT_CHANGES_RETENTION_DAYS,
    onSyncSucceeded,
  }: {
    owner: string;
    jobs: () => JobQueue;
    timing?: SyncTiming & { sweepMs: number };
    /** 0 keeps every change. */
    changesRetentionDays?: number;
    /** Called after each sync this worker ends well (the plays' trigger). */
    onSyncSucceeded?: OnSyncSucceeded;
  },
): SyncWorker {
  const running = new Map<string, AbortController>();
  const inFlight = new Set<Promise<void>>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  let stopping = false;
  let prunedAt = Number.NEGATIVE_INFINITY;

  const handle: SyncWorker["handle"] = async ({ workspaceUuid, syncUuid }) => {
    if (stopping || running.has(syncUuid)) return;
    // Registered before the claim: the job and the sweep of this one process may both come for it.
    const controller = new AbortController();
    running.set(syncUuid, controller);
    const claimed = await ctx.db.modelSyncs.claim(syncUuid, owner, new Date(), new Date(Date.now() + timing.leaseMs)).catch((error: unknown) => {
      running.delete(syncUuid);
      throw error;
    });
    if (!claimed) {
      running.delete(syncUuid);
      return;
    }
    const heartbeat = setInterval(() => {
      void ctx.db.modelSyncs
        .renew(syncUuid, owner, new Date(Date.now() + timing.leaseMs))
        .then((held) => held || controller.abort(new Error("The sync was cancelled or taken over")))
        .catch(() => undefined);
    }, Math.max(1_000, Math.floor(timing.leaseMs / 3)));
    heartbeat.unref?.();
    const work = executeSync(ctx, { workspaceUuid, syncUuid, owner, timing, signal: controller.signal, onSucceeded: onSyncSucceeded }).finally(() => {
      clearInterval(heartbeat);
      running.delete(syncUuid);
      inFlight.delete(work);
    });
    inFlight.add(work);
    await work;
  };

  const sweep = async (now = new Date()) => {
    for (const orphan of await ctx.db.modelSyncs.listClaimable(now, 4)) void handle({ workspaceUuid: orphan.workspaceUuid, syncUuid: orphan.uuid }).catch(logError);
    for (const model of await ctx.db.models.listScheduled()) {
      const interval = await scheduledInterval(ctx, model);
      if (interval === null) continue;
      const [last] = await ctx.db.modelSyncs.list(model.uuid, 1);
      if (last && Date.parse(last.createdAt) > now.getTime() - interval * 1000) continue;
      await openSync(ctx, jobs(), model.workspaceUuid, model.uuid, "schedule", model.syncCursor !== null);
    }
    // Segment changes would otherwise grow with every sync forever; once an hour is plenty, and
    // two workers pruning at once delete the same rows harmlessly.
    if (changesRetentionDays > 0 && now.getTime() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now.getTime();
      await ctx.db.segments.pruneChanges(new Date(now.getTime() - changesRetentionDays * 86_400_000).toISOString());
    }
  };

  return {
    handle,
    sweep,
    abort: (syncUuid) => running.get(syncUuid)?.abort(new Error("The sync was cancelled")),
    startSweeping() {
      if (sweeper) return;
      sweeper = setInterval(() => void sweep().catch(logError), timing.sweepMs);
      sweeper.unref?.();
    },
    async stop() {
      stopping = true;
      clearInterval(sweeper);
      // A sync stopped here keeps the pages it stored; its lease runs out and a worker resumes it.
      for (const controller of running.values()) controller.abort(new Error("The worker is stopping"));
      await Promise.allSettled(inFlight);
    },
  };
}

/** Seconds between scheduled syncs: the extractor's `minIntervalInSeconds`, at least a minute. */
async function scheduledInterval(ctx: ConnectorCtx, model: { workspaceUuid: string; extractor: { connectorUuid: string; extractorSlug: string } | null }) {
  if (!model.extractor) return null;
  const connector = await ctx.db.connectors.get(model.workspaceUuid, model.extractor.connectorUuid);
  if (!connector) return null;
  const resolved = await ctx.integrations.get(model.workspaceUuid, connector.integrationSlug).catch(() => null);
  const extractor = ownEntry(resolved?.integration.extractors, model.extractor.extractorSlug);
  return extractor ? syncIntervalOf(extractor) : null;
}

/**
 * Opens a sync of a model (or answers the one already open) and adds its job in the same
 * transaction, so no sync exists without its job.
 */
export async function openSync(ctx: Pick<ConnectorCtx, "db">, jobs: JobQueue, workspaceUuid: string, modelUuid: string, trigger: "manual" | "schedule", isResumed: boolean) {
  return ctx.db.transaction(async (tx) => {
    const opened = await tx.modelSyncs.open(workspaceUuid, modelUuid, trigger, isResumed);
    if (opened.created) await jobs.add(tx.client, "model.sync", { workspaceUuid, syncUuid: opened.sync.uuid });
    return opened;
  });
}

function logError(error: unknown) {
  console.error(`[records] sync sweep: ${(error as Error)?.message ?? error}`);
}
