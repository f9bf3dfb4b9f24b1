/**
 * The batch part of a worker: its sweep and the work it started. Apart from its implementation so
 * that `Deps` can name it without importing what imports `Deps`.
 */
export interface BatchWorker {
  /**
   * One look for work at `now`: settles running batches whose webhook waits for them to end,
   * delivers the webhooks that are due, and takes over pending batches whose creator stopped
   * renewing their lease. Resolves once what it started has ended. Every second once
   * `startSweeping` is called; tests call it with their own time.
   */
  sweep(now?: Date): Promise<void>;
  startSweeping(): void;
  /** Stops sweeping; a creation under way stops after its chunk and a delivery in flight is given back. */
  stop(): Promise<void>;
}
