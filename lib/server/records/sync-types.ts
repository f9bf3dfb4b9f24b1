/**
 * The sync part of a worker: the job handler, the sweep, and the syncs it is running. Apart from
 * its implementation so that `Deps` can name it without importing what imports `Deps`.
 */
export interface SyncWorker {
  handle(payload: { workspaceUuid: string; syncUuid: string }): Promise<void>;
  /** Stops a sync this process runs at once (others stop at their next page). */
  abort(syncUuid: string): void;
  startSweeping(): void;
  stop(): Promise<void>;
}
