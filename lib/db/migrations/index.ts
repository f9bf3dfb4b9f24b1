import { accountsMigration } from "./accounts";
import { batchesMigration } from "./batches";
import { batchWebhooksMigration } from "./batch-webhooks";
import { changeCountersMigration } from "./change-counters";
import { changeNotificationsMigration } from "./change-notifications";
import { runPartialIndexesMigration } from "./run-partial-indexes";
import { integrationCallsMigration } from "./integration-calls";
import type { Migration } from "./migration";
import { playsMigration } from "./plays";
import { recordIndexesMigration } from "./record-indexes";
import { rateLimitsMigration } from "./rate-limits";
import { recordJsonbMigration } from "./record-jsonb";
import { recordsMigration } from "./records";
import { releasesMigration } from "./releases";
import { runLeasesMigration } from "./run-leases";
import { toolsMigration } from "./tools";

export type { Migration };

export const DEFAULT_WORKSPACE_UUID = "00000000-0000-4000-8000-000000000001";

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "workspaces and custom integrations",
    statements: [
      `CREATE TABLE workspaces (
        uuid TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `INSERT INTO workspaces (uuid, name, created_at)
        VALUES ('${DEFAULT_WORKSPACE_UUID}', 'Default workspace', '1970-01-01T00:00:00.000Z')`,
      `CREATE TABLE custom_integrations (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        base_url TEXT NOT NULL,
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        layout TEXT,
        manifest_json TEXT,
        manifest_fetched_at TEXT,
        manifest_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (workspace_uuid, slug)
      )`,
      `CREATE INDEX custom_integrations_workspace ON custom_integrations (workspace_uuid, created_at)`,
      `CREATE TABLE workspace_settings (
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workspace_uuid, key)
      )`,
    ],
  },
  {
    version: 2,
    name: "connectors",
    statements: [
      `CREATE TABLE connectors (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        integration_slug TEXT NOT NULL,
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        sealed_config TEXT NOT NULL,
        last_test_outcome TEXT,
        last_test_message TEXT,
        last_tested_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (workspace_uuid, slug)
      )`,
      `CREATE INDEX connectors_integration ON connectors (workspace_uuid, integration_slug)`,
    ],
  },
  {
    version: 3,
    name: "workflows and runs",
    statements: [
      `CREATE TABLE workflows (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        nodes_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX workflows_workspace_updated ON workflows (workspace_uuid, updated_at)`,
      // workflow_uuid has no foreign key on purpose: deleting a workflow keeps its runs, and their
      // link to it, as history.
      `CREATE TABLE runs (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        workflow_uuid TEXT,
        status TEXT NOT NULL,
        error_message TEXT,
        nodes_json TEXT NOT NULL,
        data_json TEXT NOT NULL,
        output_json TEXT,
        executions_json TEXT NOT NULL,
        outputs_json TEXT NOT NULL,
        computed_configs_json TEXT NOT NULL,
        cursor_node_uuid TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      )`,
      `CREATE INDEX runs_workspace_created ON runs (workspace_uuid, created_at)`,
      `CREATE INDEX runs_workflow_created ON runs (workspace_uuid, workflow_uuid, created_at)`,
      `CREATE INDEX runs_status_created ON runs (status, created_at)`,
    ],
  },
  {
    version: 4,
    name: "oauth states",
    statements: [
      // One row per OAuth round trip started by the app. Only a SHA-256 of the state is kept, so
      // reading the database does not hand out live states; `used_at` makes each one single use.
      `CREATE TABLE oauth_states (
        state_hash TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        integration_slug TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        connector_uuid TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      )`,
      `CREATE INDEX oauth_states_expires ON oauth_states (expires_at)`,
    ],
  },
  accountsMigration(5),
  runLeasesMigration(6),
  recordsMigration(7),
  batchesMigration(8),
  recordIndexesMigration(9),
  batchWebhooksMigration(10),
  recordJsonbMigration(11),
  rateLimitsMigration(12),
  releasesMigration(13),
  toolsMigration(14),
  playsMigration(15),
  integrationCallsMigration(16),
  changeNotificationsMigration(17),
  runPartialIndexesMigration(18),
  changeCountersMigration(19),
];
