import type { Migration } from "./migration";

/**
 * Postgres only: a change to a table whose reads a process may answer from memory
 * (`watched-tables.ts`) notifies `relay_changes` with the table's name, delivered at commit to
 * every process listening (`postgres/change-listener.ts`), so a token revoked or a workflow saved
 * through one process is seen by the others within milliseconds. Row triggers, so a statement
 * that changes nothing (an UPDATE matching no row, or writing the values already there) tells
 * nobody; Postgres folds the notifications of a transaction that are alike into one. A token's
 * `last_used_at`, written once a minute while it is used, tells nobody either. The list is
 * written out, not taken from `WATCHED_TABLES`: a shipped migration never changes, and a table
 * watched later needs a migration of its own (a test checks every watched table has its trigger).
 * SQLite hears of changes another way (`PRAGMA data_version`, `sqlite/sqlite-client.ts`).
 */
const TABLES = ["api_tokens", "memberships", "workflows", "releases", "plays", "custom_integrations", "connectors"];

export function changeNotificationsMigration(version: number): Migration {
  return {
    version,
    name: "change notifications for cached reads",
    statements: [
      {
        dialect: "postgres",
        sql: `CREATE OR REPLACE FUNCTION relay_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            PERFORM pg_notify('relay_changes', TG_TABLE_NAME);
            RETURN NULL;
          END $$`,
      },
      ...TABLES.flatMap((table) => {
        const changed = table === "api_tokens" ? "to_jsonb(OLD) - 'last_used_at' IS DISTINCT FROM to_jsonb(NEW) - 'last_used_at'" : "OLD.* IS DISTINCT FROM NEW.*";
        return [
          `CREATE TRIGGER ${table}_notify_write AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION relay_notify_change()`,
          `CREATE TRIGGER ${table}_notify_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION relay_notify_change()`,
          `CREATE TRIGGER ${table}_notify_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION relay_notify_change()`,
        ].map((sql) => ({ dialect: "postgres" as const, sql }));
      }),
    ],
  };
}
