import type { Migration } from "./migration";

/**
 * Batches: one run per record. A batch keeps what it was asked (`data_json`, the graph) and its
 * own status; its counts are rolled up from its runs, which carry `batch_uuid` and the record
 * they ran for. `retried_at` marks a failed run a retry replaced: the batch's current runs are
 * those without it, one per record.
 */
export function batchesMigration(version: number): Migration {
  return {
    version,
    name: "batches",
    statements: [
      `CREATE TABLE batches (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        workflow_uuid TEXT,
        nodes_json TEXT NOT NULL,
        data_json TEXT NOT NULL,
        status TEXT NOT NULL,
        error_message TEXT,
        runs_count INTEGER NOT NULL DEFAULT 0,
        cancelled_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      )`,
      `CREATE INDEX batches_workspace ON batches (workspace_uuid, created_at)`,
      `CREATE INDEX batches_workflow ON batches (workflow_uuid, created_at)`,
      `ALTER TABLE runs ADD COLUMN batch_uuid TEXT`,
      `ALTER TABLE runs ADD COLUMN record_id TEXT`,
      `ALTER TABLE runs ADD COLUMN record_title TEXT`,
      `ALTER TABLE runs ADD COLUMN retried_at TEXT`,
      `CREATE INDEX runs_batch_status ON runs (batch_uuid, status)`,
    ],
  };
}
