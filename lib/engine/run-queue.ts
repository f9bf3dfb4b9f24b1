import { wakeTimeOf } from "./delay";
import { createHeldLeases } from "./held-leases";
import type { Clock, RunState, RunStore } from "./ports";
import { DEFAULT_LEASE_TIMING, type LeaseTiming, type RunLeases } from "./run-leases";
import type { RunSystem } from "./run-system";
import { createSlots } from "./slots";
import { createStartWatchers } from "./start-watchers";
import { isTerminalRunStatus } from "./statuses";

export interface RunQueueOptions {
  system: Pick<RunSystem, "executeRun" | "waitUntilDue" | "abandon" | "reserve">;
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
 * enqueued twice.
 *
 * Without leases (one process): a run parked on a long delay gives its slot back and this queue
 * wakes it by timer. With leases (any number of processes on one database): a run is claimed
 * before it waits for a slot (so one taken over from a dead process changes hands at once), a
 * heartbeat renews what is held and stops the walk of a run that was taken over or cancelled
 * elsewhere, and the lease is given back when the walk ends or parks. A parked run is released
 * with its wake time, and whichever worker's sweep (`startSweeping`) finds it due executes it.
 */
export function createRunQueue({ system, store, concurrency = 8, onError, leases, timing = DEFAULT_LEASE_TIMING, clock = { now: () => new Date() } }: RunQueueOptions) {
  const slots = createSlots(concurrency);
  const promises = new Map<string, Promise<RunState | null>>();
  const starts = createStartWatchers();
  const held = leases && createHeldLeases({ leases, timing, clock, abandon: (uuid) => system.abandon(uuid), onError });
  let stopping = false;
  let sweepTimer: ReturnType<typeof setInterval> | undefined;

  /**
   * One walk, under the run's lease when there are leases; null when another process holds it.
   * `adopted` is a run this process just created already holding its lease: no claim, no load.
   */
  async function walkLeased(workspaceUuid: string, runUuid: string, adopted?: RunState): Promise<RunState | null> {
    // A claimed run is registered with the run system before it waits for a slot (an adopted one
    // was, by its creator), so that `abandon` (the heartbeat lost its lease, `stop` hands it back)
    // reaches it while it waits: its walk then starts stopped and calls no node.
    let forget = () => undefined as void;
    if (held) {
      if (!adopted && (stopping || !(await held.claim(runUuid)))) return null;
      held.hold(runUuid);
      if (!adopted) forget = system.reserve(runUuid);
    }
    let state: RunState | null = null;
    try {
      await slots.acquire();
      try {
        state = await system.executeRun(workspaceUuid, runUuid, adopted);
      } finally {
        slots.release();
      }
      return state;
    } finally {
      forget();
      await held?.giveBack(runUuid, state);
    }
  }

  /** Starts a run in the background; the promise settles with its state when it ends or (with leases) parks, null when it did not run here. */
  function enqueue(workspaceUuid: string, runUuid: string, adopted?: RunState): Promise<RunState | null> {
    const existing = promises.get(runUuid);
    if (existing) return existing;
    const promise = (async () => {
      try {
        for (;;) {
          // With leases a parked run cannot be claimed before its wake time, so there is nothing to wait for.
          const settled = leases || adopted ? null : await system.waitUntilDue(workspaceUuid, runUuid);
          if (settled) return settled;
          const state = await walkLeased(workspaceUuid, runUuid, adopted);
          adopted = undefined;
          if (!state || isTerminalRunStatus(state.run.status) || wakeTimeOf(state) === null || leases) return state;
        }
      } catch (error) {
        onError?.(runUuid, error);
        return null;
      } finally {
        promises.delete(runUuid);
      }
    })();
    promises.set(runUuid, promise);
    starts.started(runUuid);
    return promise;
  }

  /**
   * Starts a run this process has just created (as `state`, and with leases already leased to
   * this process by the insert itself, made or held by the store), skipping the claim and the
   * read-back. The queue walks its own copy: `state` is the caller's to answer with, and stays
   * as created.
   * `forget` undoes the caller's `system.reserve` when the run is not walked here after all
   * (the queue began stopping meanwhile): its lease is then given back at once.
   */
  function adopt(state: RunState, forget: () => void = () => undefined): Promise<RunState | null> {
    if (stopping) {
      forget();
      held?.release(state.run.uuid);
      return Promise.resolve(null);
    }
    const copy: RunState = {
      ...state,
      run: { ...state.run, executions: [...state.run.executions] },
      outputs: { ...state.outputs },
      computedConfigs: { ...state.computedConfigs },
    };
    return enqueue(state.run.workspaceUuid, state.run.uuid, copy);
  }

  /** Resolves when this process starts executing the run (or at once if it already is); `cancel` forgets the wait. */
  function whenLocal(runUuid: string): { started: Promise<void>; cancel(): void } {
    return promises.has(runUuid) ? { started: Promise.resolve(), cancel: () => undefined } : starts.wait(runUuid);
  }

  /** Enqueues every run a previous process did not finish (parked ones wait without a slot); returns how many. */
  async function resumeUnfinished(): Promise<number> {
    const unfinished = await store.listUnfinished();
    for (const { workspaceUuid, uuid } of unfinished) void enqueue(workspaceUuid, uuid);
    return unfinished.length;
  }

  /**
   * With leases: enqueues runs nobody holds. New and due runs only as many as there are free
   * slots (a busy worker leaves them to idle ones, and a backlog stays in the database); runs
   * orphaned by a dead process up to `concurrency` per sweep whatever the load, so they change
   * hands within the lease expiry. Without leases: `resumeUnfinished`.
   */
  async function recover(): Promise<number> {
    if (!leases) return resumeUnfinished();
    if (stopping) return 0;
    let free = slots.free;
    let orphans = concurrency;
    const taken = [];
    for (const run of await leases.listClaimable(concurrency * 2 + promises.size)) {
      if (promises.has(run.uuid)) continue;
      if (run.orphaned ? orphans-- <= 0 : free-- <= 0) continue;
      taken.push(run);
      void enqueue(run.workspaceUuid, run.uuid);
    }
    return taken.length;
  }

  /** Sweeps for runs nobody holds and renews held leases, on timers, until `stop`. */
  function startSweeping() {
    if (!held || sweepTimer) return;
    sweepTimer = setInterval(() => void recover().catch((error) => onError?.("(sweep)", error)), timing.sweepMs);
    sweepTimer.unref?.();
    held.startBeating();
  }

  /** Stops taking work, and with leases hands back what is still executing after `graceMs` (`HeldLeases.stop`); answers how many. */
  async function stop(graceMs = 10_000): Promise<number> {
    stopping = true;
    clearInterval(sweepTimer);
    return held ? held.stop(graceMs) : 0;
  }

  /** Resolves once nothing is running, queued or parked here (tests, shutdown). */
  async function idle(): Promise<void> {
    while (promises.size > 0) await Promise.allSettled([...promises.values()]);
  }

  return {
    enqueue,
    adopt,
    resumeUnfinished,
    recover,
    startSweeping,
    stop,
    idle,
    whenLocal,
    /** The run's execution here, settling when it ends or parks (undefined when not executing here). */
    settled: (runUuid: string): Promise<RunState | null> | undefined => promises.get(runUuid),
    get size() {
      return promises.size;
    },
    /** Whether it still takes runs (not stopping). */
    get accepting() {
      return !stopping;
    },
    /** Slots nobody is using or waiting for (none once stopping). */
    get free() {
      return stopping ? 0 : slots.free;
    },
    get active() {
      return slots.active;
    },
  };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
