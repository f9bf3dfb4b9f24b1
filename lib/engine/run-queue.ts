import type { RunState, RunStore } from "./ports";
import type { RunSystem } from "./run-system";

/**
 * Executes runs in the background, at most `concurrency` at a time, each run once even when
 * enqueued twice. `resumeUnfinished` picks up runs a previous process left pending or running.
 */
export function createRunQueue({ system, store, concurrency = 8, onError }: {
  system: RunSystem;
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

  /** Starts a run in the background; the promise settles with its final state (null if it failed to run). */
  function enqueue(workspaceUuid: string, runUuid: string): Promise<RunState | null> {
    const existing = promises.get(runUuid);
    if (existing) return existing;
    const promise = (async () => {
      await slot();
      try {
        return await system.executeRun(workspaceUuid, runUuid);
      } catch (error) {
        onError?.(runUuid, error);
        return null;
      } finally {
        release();
        promises.delete(runUuid);
      }
    })();
    promises.set(runUuid, promise);
    return promise;
  }

  /** Enqueues every run a previous process did not finish; returns how many. */
  async function resumeUnfinished(): Promise<number> {
    const unfinished = await store.listUnfinished();
    for (const { workspaceUuid, uuid } of unfinished) void enqueue(workspaceUuid, uuid);
    return unfinished.length;
  }

  /** Resolves once nothing is running or waiting (tests, shutdown). */
  async function idle(): Promise<void> {
    while (promises.size > 0) await Promise.allSettled([...promises.values()]);
  }

  return { enqueue, resumeUnfinished, idle, get size() { return promises.size; } };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
