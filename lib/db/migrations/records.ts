import type { Migration } from "./migration";

/**
 * Records: datasets group models; a model's rows live in `model_records` as JSON keyed by the
 * model's id column (filters read them with the dialect's JSON functions, parameters only). A
 * model's `sync_cursor_json` is the cursor the next sync starts from: the last page's meta of an
 * incremental extractor, or the last good page of a sync that failed halfway.
 */
export function recordsMigration(version: number): Migration {
  return {
    version,
    name: "datasets, models, records, syncs, segments and files",
    statements: [
      `CREATE TABLE datasets (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE workspace_files (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        rows_count INTEGER NOT NULL,
        columns_json TEXT NOT NULL,
        row_errors_json TEXT NOT NULL,
        stored_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE models (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        dataset_uuid TEXT REFERENCES datasets(uuid) ON DELETE SET NULL,
        name TEXT NOT NULL,
        extractor_json TEXT,
        file_uuid TEXT REFERENCES workspace_files(uuid) ON DELETE SET NULL,
        columns_json TEXT NOT NULL,
        id_column_slug TEXT NOT NULL,
        title_column_slug TEXT NOT NULL,
        time_column_slug TEXT,
        sync_cursor_json TEXT,
        is_sync_scheduled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX models_workspace ON models (workspace_uuid, created_at)`,
      `CREATE TABLE model_records (
        model_uuid TEXT NOT NULL REFERENCES models(uuid) ON DELETE CASCADE,
        record_id TEXT NOT NULL,
        title TEXT NOT NULL,
        data_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (model_uuid, record_id)
      )`,
      `CREATE TABLE model_syncs (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        model_uuid TEXT NOT NULL REFERENCES models(uuid) ON DELETE CASCADE,
        status TEXT NOT NULL,
        trigger_kind TEXT NOT NULL,
        is_resumed INTEGER NOT NULL DEFAULT 0,
        pages_count INTEGER NOT NULL DEFAULT 0,
        added_count INTEGER NOT NULL DEFAULT 0,
        updated_count INTEGER NOT NULL DEFAULT 0,
        removed_count INTEGER NOT NULL DEFAULT 0,
        error_message TEXT,
        lease_owner TEXT,
        lease_expires_at TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
      )`,
      `CREATE INDEX model_syncs_model ON model_syncs (model_uuid, created_at)`,
      `CREATE INDEX model_syncs_unfinished ON model_syncs (status, lease_expires_at)`,
      // At most one sync of a model is open at a time, whichever process starts it.
      `CREATE UNIQUE INDEX model_syncs_one_open ON model_syncs (model_uuid) WHERE status IN ('pending', 'running')`,
      `CREATE TABLE segments (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        model_uuid TEXT NOT NULL REFERENCES models(uuid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        filter_json TEXT NOT NULL,
        sort_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX segments_model ON segments (model_uuid)`,
      `CREATE TABLE segment_changes (
        sync_uuid TEXT NOT NULL REFERENCES model_syncs(uuid) ON DELETE CASCADE,
        segment_uuid TEXT NOT NULL REFERENCES segments(uuid) ON DELETE CASCADE,
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (sync_uuid, segment_uuid, record_id)
      )`,
    ],
  };
}
