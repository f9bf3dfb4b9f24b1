import type { Clock } from "./ports";

/** A node with IO still running after this long is saved `running`, so the run page shows it. */
export const SAVE_RUNNING_AFTER_MS = 250;
/** A walk going through many quick nodes saves its progress at least this often. */
export const PROGRESS_SAVE_INTERVAL_MS = 1_000;

/**
 * When a walk writes its run. A run of quick nodes is written twice in all: created, and ended
 * (once, when its caller waits for it and the store holds its insert: `RunStore.create`).
 * Crash safety does not need a save around every node: a node is called with the same
 * Idempotency-Key (`<runUuid>:<nodeUuid>`) however often the run is resumed, so resuming from
 * an older state repeats calls the integration recognises. What the saves still give is what a
 * person sees: a node that takes a while shows as running after SAVE_RUNNING_AFTER_MS, and a
 * long walk shows progress every PROGRESS_SAVE_INTERVAL_MS.
 *
 * Saves are chained one after another (a timer's save may still be in flight when the walk
 * saves again; on Postgres the two could otherwise land out of order). A save answering false
 * (the run was cancelled meanwhile) makes every later save answer false; a save that throws
 * makes every later one throw, so the walk learns of it at its next save.
 */
export function createWalkSaves(save: () => Promise<boolean>, clock: Pick<Clock, "now" | "timer">) {
  let chain: Promise<boolean> = Promise.resolve(true);
  let savedAt = clock.now().getTime();

  /** Saves after the saves in flight; resolves false once the run was cancelled. */
  function now(): Promise<boolean> {
    savedAt = clock.now().getTime();
    chain = chain.then((ok) => ok && save());
    // Handled here so a timer's failed save is not an unhandled rejection; the walk still sees it.
    chain.catch(() => undefined);
    return chain;
  }

  /** A node with IO starts: it is saved as running if still running after SAVE_RUNNING_AFTER_MS. Call the answer when it ends. */
  function nodeStarted(): () => void {
    return clock.timer(SAVE_RUNNING_AFTER_MS, () => void now());
  }

  /** A node ended: saves when the last save is a while ago, else waits for the saves in flight. */
  function progress(): Promise<boolean> {
    return clock.now().getTime() - savedAt >= PROGRESS_SAVE_INTERVAL_MS ? now() : chain;
  }

  /** Resolves when every save so far has landed (false: the run was cancelled; throws: one failed). */
  const settled = (): Promise<boolean> => chain;

  return { now, nodeStarted, progress, settled };
}

export type WalkSaves = ReturnType<typeof createWalkSaves>;
