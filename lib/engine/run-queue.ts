import { wakeTimeOf } from "./delay";
import type { RunState, RunStore } from "./ports";
import type { RunSystem } from "./run-system";
import { isTerminalRunStatus } from "./statuses";

/**
 * Executes runs in the background, at most `concurrency` at a time, each run once even when
 * enqueued twice. A run parked on a long delay gives its slot back while it waits and takes one
 * again when it is due. `resumeUnfinished` picks up runs a previous process left pending or running.
 */
export function createRunQueue({ system, store, concurrency = 8, onError }: {
  system: Pick<RunSystem, "executeRun" | "waitUntilDue">;
  store: Pick<RunStore, "listUnfinished">;
  concurrency?: number;
  onError?: (runUuid: string, error: unknown) => void;
}) {
  const waiting: Array<() => void> = [];
  const promises = new Map<string, Promise<RunState | null>>();
  let active = 0;

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

  async function inSlot<T>(work: () => Promise<T>): Promise<T> {
    await slot();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Starts a run in the background; the promise settles with its final state (null if it failed to run). */
  function enqueue(workspaceUuid: string, runUuid: string): Promise<RunState | null> {
    const existing = promises.get(runUuid);
    if (existing) return existing;
    const promise = (async () => {
      try {
        for (;;) {
          const settled = await system.waitUntilDue(workspaceUuid, runUuid);
          if (settled) return settled;
          const state = await inSlot(() => system.executeRun(workspaceUuid, runUuid));
          if (isTerminalRunStatus(state.run.status) || wakeTimeOf(state) === null) return state;
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

  /** Resolves once nothing is running, queued or parked (tests, shutdown). */
  async function idle(): Promise<void> {
    while (promises.size > 0) await Promise.allSettled([...promises.values()]);
  }

  return { enqueue, resumeUnfinished, idle, get size() { return promises.size; }, get active() { return active; } };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
