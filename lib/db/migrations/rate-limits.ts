import type { Migration } from "./migration";

/**
 * Rate-limit windows shared by every process on one database: the grants of each bucket (a
 * connector, or an action's or extractor's scoped limit) still inside their window, and the
 * pauses a 429 asked for. Times are milliseconds of the database's own clock, so processes on
 * machines whose clocks differ still count one window. Used on Postgres, and on SQLite by
 * processes sharing the file (`WEB_PROCESSES`, a `ROLE=web` process and its workers); one process
 * alone on SQLite limits in memory.
 */
export function rateLimitsMigration(version: number): Migration {
  return {
    version,
    name: "rate-limit windows shared across processes",
    statements: [
      `CREATE TABLE rate_limit_grants (
        id TEXT PRIMARY KEY,
        bucket_key TEXT NOT NULL,
        granted_ms BIGINT NOT NULL,
        sent_ms BIGINT
      )`,
      `CREATE INDEX rate_limit_grants_bucket ON rate_limit_grants (bucket_key)`,
      `CREATE TABLE rate_limit_pauses (
        bucket_key TEXT PRIMARY KEY,
        until_ms BIGINT NOT NULL
      )`,
    ],
  };
}
