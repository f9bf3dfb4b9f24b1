import type { Migration } from "./migration";

/**
 * The indexes over `runs` that are only looked up for unfinished runs (the lease sweep, resuming
 * after a restart) or for a batch's runs hold only those: a run leaves the unfinished ones when
 * it ends, and a run outside a batch never enters the batch ones. The index by status and time
 * served the run list filtered by status, which is always within a workspace: it becomes
 * (workspace, status, time). A run's insert had updated seven indexes and its ending save moved
 * it in three; now six, and the save moves it in one and leaves two. The queries that use the
 * partial ones name the same conditions literally (`status IN ('pending', 'running')`,
 * `batch_uuid = ?`), which is what lets SQLite and Postgres pick them (`lib/db/run-indexes.test.ts`).
 */
export function runPartialIndexesMigration(version: number): Migration {
  return {
    version,
    name: "partial indexes for unfinished and batch runs",
    statements: [
      `DROP INDEX runs_status_created`,
      `CREATE INDEX runs_workspace_status_created ON runs (workspace_uuid, status, created_at)`,
      `CREATE INDEX runs_unfinished_created ON runs (created_at, uuid) WHERE status IN ('pending', 'running')`,
      `DROP INDEX runs_unfinished_lease`,
      `CREATE INDEX runs_unfinished_lease ON runs (lease_expires_at) WHERE status IN ('pending', 'running')`,
      `DROP INDEX runs_batch_status`,
      `CREATE INDEX runs_batch_status ON runs (batch_uuid, status) WHERE batch_uuid IS NOT NULL`,
      `DROP INDEX runs_batch_created`,
      `CREATE INDEX runs_batch_created ON runs (batch_uuid, created_at, uuid) WHERE batch_uuid IS NOT NULL`,
    ],
  };
}
