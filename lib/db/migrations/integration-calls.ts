import type { Migration } from "./migration";

const COLUMNS = `
        uuid TEXT NOT NULL UNIQUE,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        custom_integration_uuid TEXT NOT NULL REFERENCES custom_integrations(uuid) ON DELETE CASCADE,
        integration_slug TEXT NOT NULL,
        connector_uuid TEXT,
        method TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        url TEXT NOT NULL,
        status INTEGER,
        error_kind TEXT,
        error_message TEXT,
        duration_ms INTEGER NOT NULL,
        request_id TEXT NOT NULL,
        request_headers_json TEXT NOT NULL,
        request_body TEXT,
        response_body TEXT,
        request_bytes INTEGER,
        response_bytes INTEGER,
        created_at TEXT NOT NULL`;

/**
 * The request inspector's calls (migration 16): the last 200 calls to each integration server,
 * redacted before they are written. `id` orders calls made in the same millisecond; it is the
 * only column that needs each dialect's own words. The custom integration is a foreign key so
 * removing a server removes its calls; `connector_uuid` is not one, since a credential test calls
 * for a connector that does not exist yet and a removed connector's calls stay until pruned.
 */
export function integrationCallsMigration(version: number): Migration {
  return {
    version,
    name: "integration calls for the request inspector",
    statements: [
      { dialect: "sqlite", sql: `CREATE TABLE integration_calls (id INTEGER PRIMARY KEY AUTOINCREMENT,${COLUMNS}\n      )` },
      { dialect: "postgres", sql: `CREATE TABLE integration_calls (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,${COLUMNS}\n      )` },
      `CREATE INDEX integration_calls_server ON integration_calls (custom_integration_uuid, created_at, id)`,
      `CREATE INDEX integration_calls_connector ON integration_calls (connector_uuid, created_at, id)`,
    ],
  };
}
