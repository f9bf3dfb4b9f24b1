import type { Migration } from "./migration";

/**
 * Plays: a workflow bound to a model's segment and to the kinds of change a sync makes in it. One
 * play per workflow. `play_triggers` holds one row per thing that may start a play's batch
 * (`sync:<syncUuid>`), inserted with the batch in one transaction and keyed by (play, trigger),
 * so however many processes see the same sync end, one batch is made. Health counts the runs
 * ended since `health_since` (its creation, or when it was last enabled). `play_enrollments` holds
 * the records a play has run once (runCreationRule `once`), keyed by (play, record).
 */
export function playsMigration(version: number): Migration {
  return {
    version,
    name: "plays, their triggers and enrollments",
    statements: [
      `CREATE TABLE plays (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        workflow_uuid TEXT NOT NULL UNIQUE REFERENCES workflows(uuid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        model_uuid TEXT NOT NULL REFERENCES models(uuid) ON DELETE CASCADE,
        segment_uuid TEXT NOT NULL REFERENCES segments(uuid),
        change_kinds_json TEXT NOT NULL,
        run_creation_rule TEXT NOT NULL,
        is_enabled INTEGER NOT NULL,
        schedule_json TEXT,
        health_threshold DOUBLE PRECISION,
        paused_reason TEXT,
        notice TEXT,
        health_since TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX plays_workspace_created ON plays (workspace_uuid, created_at)`,
      `CREATE INDEX plays_model ON plays (model_uuid)`,
      `CREATE INDEX plays_segment ON plays (segment_uuid)`,
      `CREATE TABLE play_triggers (
        play_uuid TEXT NOT NULL REFERENCES plays(uuid) ON DELETE CASCADE,
        trigger_key TEXT NOT NULL,
        batch_uuid TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (play_uuid, trigger_key)
      )`,
      `CREATE INDEX play_triggers_batch ON play_triggers (batch_uuid)`,
      `CREATE TABLE play_enrollments (
        play_uuid TEXT NOT NULL REFERENCES plays(uuid) ON DELETE CASCADE,
        record_id TEXT NOT NULL,
        trigger_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (play_uuid, record_id)
      )`,
      `CREATE INDEX play_enrollments_trigger ON play_enrollments (play_uuid, trigger_key)`,
    ],
  };
}
