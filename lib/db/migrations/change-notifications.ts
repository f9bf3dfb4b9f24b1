import { CHANGES_CHANNEL, WATCHED_TABLES } from "../watched-tables";
import type { Migration } from "./migration";

/**
 * Postgres only: a change to any table whose reads a process may answer from memory notifies
 * `relay_changes` with the table's name, delivered at commit to every process listening
 * (`postgres/change-listener.ts`), so a token revoked or a workflow saved through one process is
 * seen by the others within milliseconds. One notification per statement, not per row, and
 * Postgres folds identical ones of a transaction into one. SQLite reads are not cached.
 */
export function changeNotificationsMigration(version: number): Migration {
  return {
    version,
    name: "change notifications for cached reads",
    statements: [
      {
        dialect: "postgres",
        sql: `CREATE OR REPLACE FUNCTION relay_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            PERFORM pg_notify('${CHANGES_CHANNEL}', TG_TABLE_NAME);
            RETURN NULL;
          END $$`,
      },
      ...WATCHED_TABLES.map((table) => ({
        dialect: "postgres" as const,
        sql: `CREATE TRIGGER ${table}_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION relay_notify_change()`,
      })),
    ],
  };
}
