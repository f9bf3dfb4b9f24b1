import { wakeTimeOf } from "./delay";
import type { Clock, RunState, RunStore } from "./ports";
import { DEFAULT_LEASE_TIMING, type LeaseTiming, type RunLeases } from "./run-leases";
import type { RunSystem } from "./run-system";
import { isTerminalRunStatus } from "./statuses";

export interface RunQueueOptions {
  system: Pick<RunSystem, "executeRun" | "waitUntilDue">;
  store: Pick<RunStore, "listUnfinished">;
  concurrency?: number;
  onError?: (runUuid: string, error: unknown) => void;
  /** With leases, a run executes only while this process holds its lease (several processes, one database). */
  leases?: RunLeases;
  timing?: LeaseTiming;
  clock?: Pick<Clock, "now">;
}

/**
 * Executes runs in the background, at most `concurrency` at a time, each run once even when
 * enqueued twice. A run parked on a long delay gives its slot back while it waits and takes one
 * again when it is due. With leases, a slot first claims the run's lease (skipping runs another
 * process holds), a heartbeat renews it while the walk goes on, and the lease is given back when
 * the walk ends or parks; `recover` (on a timer: `startSweeping`) takes over runs nobody holds.
 */
export function createRunQueue({ system, store, concurrency = 8, onError, leases, timing = DEFAULT_LEASE_TIMING, clock = { now: () => new Date() } }: RunQueueOptions) {
  const waiting: Array<() => void> = [];
  const promises = new Map<string, Promise<RunState | null>>();
  const held = new Set<string>();
  let active = 0;
  let stopping = false;
  let sweepTimer: ReturnType<typeof setInterval> | undefined;
  let beatTimer: ReturnType<typeof setInterval> | undefined;
  const until = () => new Date(clock.now().getTime() + timing.leaseMs);

  async function slot(): Promise<void> {
    if (active < concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release() {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  /**
   * One walk under the run's lease; null when another process holds it (or it has ended). The
   * lease is claimed before waiting for a slot, so a run taken over from a dead process changes
   * hands at once even when every slot is busy; the heartbeat keeps it while it waits.
   */
  async function walkLeased(workspaceUuid: string, runUuid: string): Promise<RunState | null> {
    if (leases) {
      if (stopping || !(await leases.claim(runUuid, until()))) return null;
      held.add(runUuid);
    }
    let state: RunState | null = null;
    try {
      await slot();
      try {
        state = await system.executeRun(workspaceUuid, runUuid);
      } finally {
        release();
      }
      return state;
    } finally {
      if (leases) {
        held.delete(runUuid);
        // An ended run's last save let go of its lease already.
        if (!state || !isTerminalRunStatus(state.run.status)) {
          const wakeAt = state ? wakeTimeOf(state) : null;
          await leases.release(runUuid, wakeAt === null ? null : new Date(wakeAt)).catch((error) => onError?.(runUuid, error));
        }
      }
    }
  }

  /** Starts a run in the background; the promise settles with its final state (null if it did not run here). */
  function enqueue(workspaceUuid: string, runUuid: string): Promise<RunState | null> {
    const existing = promises.get(runUuid);
    if (existing) return existing;
    const promise = (async () => {
      try {
        for (;;) {
          const settled = await system.waitUntilDue(workspaceUuid, runUuid);
          if (settled) return settled;
          const state = await walkLeased(workspaceUuid, runUuid);
          if (!state || isTerminalRunStatus(state.run.status) || wakeTimeOf(state) === null) return state;
        }
      } catch (error) {
        onError?.(runUuid, error);
        return null;
      } finally {
        promises.delete(runUuid);
      }
    })();
    promises.set(runUuid, promise);
    return promise;
  }

  /** Enqueues every run a previous process did not finish (parked ones wait without a slot); returns how many. */
  async function resumeUnfinished(): Promise<number> {
    const unfinished = await store.listUnfinished();
    for (const { workspaceUuid, uuid } of unfinished) void enqueue(workspaceUuid, uuid);
    return unfinished.length;
  }

  /**
   * With leases: enqueues runs nobody holds, up to `concurrency` per sweep and while this process
   * has fewer than twice that in hand, so a backlog stays in the database rather than in memory.
   * Without leases: `resumeUnfinished`.
   */
  async function recover(): Promise<number> {
    if (!leases) return resumeUnfinished();
    const room = Math.min(concurrency, 2 * concurrency - promises.size);
    if (stopping || room <= 0) return 0;
    const claimable = (await leases.listClaimable(room + promises.size)).filter(({ uuid }) => !promises.has(uuid)).slice(0, room);
    for (const { workspaceUuid, uuid } of claimable) void enqueue(workspaceUuid, uuid);
    return claimable.length;
  }

  async function heartbeat() {
    if (!leases || held.size === 0) return;
    const mine = [...held];
    const kept = new Set(await leases.renew(mine, until()));
    // A lease lost (the process stalled past the expiry) is not fought for: the store refuses this
    // process's saves from now on, so its walk stops at the next step.
    for (const uuid of mine) if (!kept.has(uuid) && held.has(uuid)) onError?.(uuid, new Error("lost the run's lease to another process"));
  }

  /** Sweeps for runs nobody holds and renews held leases, on timers, until `stop`. */
  function startSweeping() {
    if (!leases || sweepTimer) return;
    const guard = (work: () => Promise<unknown>) => () => void work().catch((error) => onError?.("(sweep)", error));
    sweepTimer = setInterval(guard(recover), timing.sweepMs);
    beatTimer = setInterval(guard(heartbeat), timing.heartbeatMs);
    sweepTimer.unref?.();
    beatTimer.unref?.();
  }

  /**
   * Stops taking work, waits up to `graceMs` for what is executing, then gives back the leases
   * still held so another process takes those runs over at once (their current node runs again
   * there with the same Idempotency-Key). Returns how many runs were handed back.
   */
  async function stop(graceMs = 10_000): Promise<number> {
    stopping = true;
    clearInterval(sweepTimer);
    clearInterval(beatTimer);
    const deadline = Date.now() + graceMs;
    while (held.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const left = [...held];
    if (leases) for (const uuid of left) await leases.release(uuid, null).catch((error) => onError?.(uuid, error));
    return left.length;
  }

  /** Resolves once nothing is running, queued or parked (tests, shutdown). */
  async function idle(): Promise<void> {
    while (promises.size > 0) await Promise.allSettled([...promises.values()]);
  }

  return {
    enqueue,
    resumeUnfinished,
    recover,
    startSweeping,
    stop,
    idle,
    /** Whether this process is executing (or waiting to execute) the run. */
    has: (runUuid: string) => promises.has(runUuid),
    /** The run's local execution, settling when it ends here (undefined when not executing here). */
    settled: (runUuid: string): Promise<RunState | null> | undefined => promises.get(runUuid),
    get size() {
      return promises.size;
    },
    get active() {
      return active;
    },
  };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
