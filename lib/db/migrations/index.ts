/** One schema change. Append only: never edit a migration that has shipped. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

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
];
