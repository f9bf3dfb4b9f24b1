import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import {
  createRunQueue,
  createRunSystem,
  DEFAULT_LEASE_TIMING,
  systemClock,
  type LeaseTiming,
} from "@/lib/engine";
import { createExpressionEvaluator } from "@/lib/engine/expressions";
import { createBatchWorker } from "./batches/batch-worker";
import type { ConnectorCtx, Runs } from "./deps-types";
import { createEngineActions } from "./engine-actions";
import { createJobQueue } from "./jobs";
import { createPlayScheduler } from "./plays/play-scheduler";
import { triggerPlays } from "./plays/trigger-plays";
import { createSyncWorker } from "./records/sync-worker";
import { createRunStore } from "./run-store";
import { timeOrderedUuid } from "./time-ordered-uuid";
import { DEFAULT_RUN_CONCURRENCY, executesJobs, type Settings } from "./settings";

/**
 * Wires the engine to the database, the integrations and the sandbox. One per process. A run is
 * created leased to this process when it executes it at once, else with its job (in one
 * statement); a worker (`ROLE` worker or all) takes the job, and executes a run only while it
 * holds the run's lease, which a heartbeat renews. Every
 * worker also sweeps for runs nobody holds (a dead process's, a parked run now due, or a run
 * whose job went to a process that is gone), which is what resume-at-boot used to be.
 */
export async function createRuns(ctx: ConnectorCtx & { settings: Settings }): Promise<Runs> {
  const { db, settings } = ctx;
  const owner = `${os.hostname()}:${process.pid}:${pidNamespace()}:${randomUUID().slice(0, 8)}`;
  const concurrency = settings.runConcurrency ?? DEFAULT_RUN_CONCURRENCY;
  const timing = leaseTimingOf(settings.runLeaseMs);
  const jobs = await createJobQueue(settings, { concurrency });
  const executes = executesJobs(settings);
  // The store and leases reach the queue and the system made below them only when called.
  const { store, leases } = createRunStore({ db, owner, timing, jobs, executes }, () => ({ queue, system }));
  const system = createRunSystem({
    store,
    actions: createEngineActions(ctx),
    expressions: await createExpressionEvaluator(),
    clock: systemClock,
    // Time-ordered (UUIDv7): a run's key lands at the end of the primary key's index instead of
    // on a random page of it, so a group of runs dirties a few pages, not one each (bench/README.md).
    ids: { uuid: timeOrderedUuid },
    random: Math.random,
    logger: { warn: (message, meta) => console.warn(`[engine] ${message}`, meta) },
  });
  const queue = createRunQueue({
    system,
    store,
    concurrency,
    leases,
    timing,
    onError: (runUuid, error) => console.error(`[engine] run ${runUuid}: ${(error as Error)?.message ?? error}`),
  });
  const syncs = createSyncWorker(ctx, {
    owner,
    jobs: () => jobs,
    changesRetentionDays: settings.segmentChangesRetentionDays,
    onSyncSucceeded: (sync, signal) => triggerPlays({ ...ctx, runs: { system, owner } }, sync, signal),
  });
  const batches = createBatchWorker({ ...ctx, runs: { system, owner } });
  const plays = createPlayScheduler({ ...ctx, runs: { system, owner } });
  if (executes) {
    await jobs.start({
      "run.execute": async ({ workspaceUuid, runUuid }) => {
        await queue.enqueue(workspaceUuid, runUuid);
      },
      "model.sync": syncs.handle,
    });
    await releaseDeadNeighbours(ctx.db);
    const recovered = await queue.recover();
    if (recovered > 0) console.info(`[engine] took over ${recovered} unfinished run(s)`);
    queue.startSweeping();
    syncs.startSweeping();
    batches.startSweeping();
    plays.startSweeping();
  }
  let stopped: Promise<void> | undefined;
  return {
    system,
    queue,
    jobs,
    syncs,
    batches,
    plays,
    owner,
    /** Once: a second call (the server's close, then closeDeps) waits for the first. */
    stop(graceMs = 10_000) {
      stopped ??= (async () => {
        // Batches first: no run is created past this point by a resumed batch. Then the queue: it
        // stops taking runs at once and stops the walks left after the grace, which lets the job
        // handlers waiting on them return, so the job runner can stop. A tick meanwhile could start a batch.
        await plays.stop();
        await batches.stop();
        const handedBack = await queue.stop(graceMs);
        await syncs.stop();
        await jobs.stop();
        if (handedBack > 0) console.info(`[engine] handed back ${handedBack} run(s) still executing`);
      })();
      return stopped;
    },
  };
}

/**
 * A process restarted on the same machine need not wait for the lease expiry of its previous
 * self: leases held by a process of this host whose pid no longer exists are freed at start.
 * An owner id is `host:pid:pid-namespace:random`: two containers can share a hostname but not
 * a pid namespace, so only a process that this one could see is judged; a pid that exists,
 * whatever it runs now, is left alone.
 */
async function releaseDeadNeighbours(db: ConnectorCtx["db"]): Promise<void> {
  const host = os.hostname();
  const namespace = pidNamespace();
  // Without a known pid namespace, a pid cannot be told apart from another container's.
  if (namespace === "-") return;
  for (const owner of await db.runLeases.owners()) {
    const [ownerHost, pid, ownerNamespace] = owner.split(":");
    if (ownerHost !== host || ownerNamespace !== namespace || !pid || processExists(Number(pid))) continue;
    const freed = await db.runLeases.releaseAllOf(owner);
    if (freed > 0) console.info(`[engine] freed ${freed} run(s) held by ${owner}, a process of this machine that is gone`);
  }
}

/** The pid namespace's inode on Linux (`/proc/self/ns/pid`), "-" elsewhere. */
export function pidNamespace(): string {
  try {
    return /\[(\d+)\]/.exec(fs.readlinkSync("/proc/self/ns/pid"))?.[1] ?? "-";
  } catch {
    return "-";
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function leaseTimingOf(leaseMs: number | undefined): LeaseTiming {
  if (!leaseMs) return DEFAULT_LEASE_TIMING;
  return {
    ...DEFAULT_LEASE_TIMING,
    leaseMs,
    heartbeatMs: Math.max(200, Math.floor(leaseMs / 3)),
    sweepMs: Math.min(DEFAULT_LEASE_TIMING.sweepMs, Math.floor(leaseMs / 3)),
  };
}
