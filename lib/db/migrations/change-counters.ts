import type { Migration } from "./migration";

/**
 * SQLite only: a counter of changes per table whose reads a process may answer from memory
 * (`watched-tables.ts`), moved by row triggers, so that a process sharing the file with others
 * forgets only the tables another process changed. Before it, `PRAGMA data_version` was all a
 * process knew: another process committed something, so everything was forgotten; with two
 * processes each committing runs hundreds of times a second, nothing stayed remembered (the token,
 * the workflow and the catalog read again for every run). The counters are read when
 * `data_version` moves (`sqlite/other-connections.ts`). Postgres has `NOTIFY` for this
 * (`change-notifications.ts`).
 *
 * Foreign-key actions (a workspace's delete cascading to its tokens) fire the child table's
 * triggers, so they count too. A token's `last_used_at`, written once a minute while it is used,
 * counts nothing: the update trigger of `api_tokens` names every other column (a test checks the
 * list is whole). As with the notifications, the list of tables is written out: a table watched
 * later needs a migration of its own.
 */
const TABLES = ["api_tokens", "memberships", "workflows", "releases", "plays", "custom_integrations", "connectors"];
const API_TOKEN_COLUMNS_BUT_LAST_USE = ["uuid", "workspace_uuid", "user_uuid", "name", "prefix", "token_hash", "created_at", "revoked_at"];

export function changeCountersMigration(version: number): Migration {
  const sqlite = (sql: string) => ({ dialect: "sqlite" as const, sql });
  const count = (table: string) => `UPDATE watched_changes SET changes = changes + 1 WHERE table_name = '${table}'`;
  return {
    version,
    name: "change counters for cached reads (SQLite)",
    statements: [
      sqlite(`CREATE TABLE watched_changes (table_name TEXT PRIMARY KEY, changes INTEGER NOT NULL DEFAULT 0)`),
      sqlite(`INSERT INTO watched_changes (table_name) VALUES ${TABLES.map((table) => `('${table}')`).join(", ")}`),
      ...TABLES.flatMap((table) => {
        const updated = table === "api_tokens" ? `UPDATE OF ${API_TOKEN_COLUMNS_BUT_LAST_USE.join(", ")}` : "UPDATE";
        return [
          sqlite(`CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} BEGIN ${count(table)}; END`),
          sqlite(`CREATE TRIGGER ${table}_count_update AFTER ${updated} ON ${table} BEGIN ${count(table)}; END`),
          sqlite(`CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} BEGIN ${count(table)}; END`),
        ];
      }),
    ],
  };
}
