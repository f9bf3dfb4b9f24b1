import { wakeTimeOf } from "./delay";
import type { Clock, RunState, RunStore } from "./ports";
import { DEFAULT_LEASE_TIMING, type LeaseTiming, type RunLeases } from "./run-leases";
import type { RunSystem } from "./run-system";
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
  const waiting: Array<() => void> = [];
  const promises = new Map<string, Promise<RunState | null>>();
  const held = new Set<string>();
  const watchers = new Map<string, Array<() => void>>();
  let active = 0;
  /** Claims in flight: `stop` waits for them. */
  let claiming = 0;
  let stopping = false;
  let sweepTimer: ReturnType<typeof setInterval> | undefined;
  let beatTimer: ReturnType<typeof setInterval> | undefined;
  const after = (ms: number) => new Date(clock.now().getTime() + ms);

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
   * One walk, under the run's lease when there are leases; null when another process holds it.
   * `adopted` is a run this process just created already holding its lease: no claim, no load.
   */
  async function walkLeased(workspaceUuid: string, runUuid: string, adopted?: RunState): Promise<RunState | null> {
    // A claimed run is registered with the run system before it waits for a slot (an adopted one
    // was, by its creator), so that `abandon` (the heartbeat lost its lease, `stop` hands it back)
    // reaches it while it waits: its walk then starts stopped and calls no node.
    let forget = () => undefined as void;
    if (leases) {
      if (!adopted && (stopping || !(await claim(runUuid)))) return null;
      held.add(runUuid);
      if (!adopted) forget = system.reserve(runUuid);
    }
    let state: RunState | null = null;
    try {
      await slot();
      try {
        state = await system.executeRun(workspaceUuid, runUuid, adopted);
      } finally {
        release();
      }
      return state;
    } finally {
      forget();
      if (leases && held.delete(runUuid)) await giveBack(runUuid, state);
    }
  }

  /**
   * Claims a run for this process; false when another holds it, or when `stop` came while the
   * claim was in flight: the run is then given back at once, before `stop` returns (it waits for
   * the claims in flight, so nothing is released after the database is closed).
   */
  async function claim(runUuid: string): Promise<boolean> {
    claiming++;
    try {
      if (!(await leases!.claim(runUuid, after(timing.leaseMs)))) return false;
      if (!stopping) return true;
      await leases!.release(runUuid, null).catch((error) => onError?.(runUuid, error));
      return false;
    } finally {
      claiming--;
    }
  }

  /** An ended run's last save let go of its lease already; a parked one is kept from others until due. */
  async function giveBack(runUuid: string, state: RunState | null) {
    if (state && isTerminalRunStatus(state.run.status)) return;
    const wakeAt = state ? wakeTimeOf(state) : null;
    // No state: the execution threw (the store unreachable, say); try again a little later.
    const availableAt = wakeAt !== null ? new Date(wakeAt) : state ? null : after(timing.retryAfterMs);
    await leases!.release(runUuid, availableAt).catch((error) => onError?.(runUuid, error));
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
    for (const notify of watchers.get(runUuid) ?? []) notify();
    watchers.delete(runUuid);
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
      if (leases) void leases.release(state.run.uuid, null).catch((error) => onError?.(state.run.uuid, error));
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
    if (promises.has(runUuid)) return { started: Promise.resolve(), cancel: () => undefined };
    let notify!: () => void;
    const started = new Promise<void>((resolve) => (notify = resolve));
    watchers.set(runUuid, [...(watchers.get(runUuid) ?? []), notify]);
    const cancel = () => {
      const left = (watchers.get(runUuid) ?? []).filter((candidate) => candidate !== notify);
      if (left.length > 0) watchers.set(runUuid, left);
      else watchers.delete(runUuid);
    };
    return { started, cancel };
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
    let free = Math.max(0, concurrency - active - waiting.length);
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

  /** Renews what is held; a run no longer ours (taken over, cancelled elsewhere) has its walk stopped. */
  async function heartbeat() {
    if (!leases || held.size === 0) return;
    const mine = [...held];
    const kept = new Set(await leases.renew(mine, after(timing.leaseMs)));
    for (const uuid of mine) if (!kept.has(uuid) && held.has(uuid)) system.abandon(uuid);
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
   * Stops taking work and waits up to `graceMs` for what is executing (still renewing its
   * leases), then stops the walks left and gives their runs back, so another process takes them
   * over at once (their current node runs again there with the same Idempotency-Key). Returns
   * how many runs were handed back.
   */
  async function stop(graceMs = 10_000): Promise<number> {
    stopping = true;
    clearInterval(sweepTimer);
    const deadline = Date.now() + graceMs;
    // A claim that comes back now gives its run back itself (`claim`); a slow one is waited for
    // at most a lease's length.
    const claimsEnd = Date.now() + timing.leaseMs;
    while (claiming > 0 && Date.now() < claimsEnd) await sleep(10);
    while (held.size > 0 && Date.now() < deadline) await sleep(50);
    const left = [...held];
    for (const uuid of left) system.abandon(uuid);
    // The stopped walks give their leases back as they unwind; whatever is still held after a
    // moment is released here.
    const unwind = Date.now() + 2_000;
    while (held.size > 0 && Date.now() < unwind) await sleep(20);
    clearInterval(beatTimer);
    if (leases) for (const uuid of [...held]) await leases.release(uuid, null).catch((error) => onError?.(uuid, error));
    return left.length;
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
      return stopping ? 0 : Math.max(0, concurrency - active - waiting.length);
    },
    get active() {
      return active;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RunQueue = ReturnType<typeof createRunQueue>;
