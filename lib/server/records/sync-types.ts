/**
 * The sync part of a worker: the job handler, the sweep, and the syncs it is running. Apart from
 * its implementation so that `Deps` can name it without importing what imports `Deps`.
 */
export interface SyncWorker {
  handle(payload: { workspaceUuid: string; syncUuid: string }): Promise<void>;
  /** Stops a sync this process runs at once (others stop at their next page). */
  abort(syncUuid: string): void;
  /**
   * One look for work: open syncs nobody holds, and scheduled models whose interval has passed
   * by `now`; at most hourly it also forgets segment changes older than the retention. Every second or so once `startSweeping` is called; tests call it with their own time.
   */
  sweep(now?: Date): Promise<void>;
  startSweeping(): void;
  stop(): Promise<void>;
}
