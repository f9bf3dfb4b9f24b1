import { migrations as allMigrations, type Migration } from "./migrations";
import type { SqlClient } from "./sql-client";

/** Any fixed number: Postgres advisory locks are keyed by integers. */
const MIGRATION_LOCK_KEY = 7_231_001;

/**
 * Applies every migration not yet recorded, all in one transaction, and returns the applied
 * count. Several processes may start at once on one database (web and workers): on Postgres an
 * advisory lock makes the others wait and then find nothing left to do; on SQLite `BEGIN
 * IMMEDIATE` does the same. The statements are portable SQL (TEXT and INTEGER columns), so one
 * list serves both dialects; the few that only one engine needs say which.
 */
export async function migrate(
  client: SqlClient,
  migrations: readonly Migration[] = allMigrations,
): Promise<number> {
  return client.transaction(async (tx) => {
    if (tx.dialect === "postgres") await tx.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const applied = new Set(
      (await tx.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => Number(r.version)),
    );
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) {
        if (typeof statement === "string") await tx.run(statement);
        else if (statement.dialect === tx.dialect) await tx.run(statement.sql);
      }
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    const row = await tx.get<{ count: number }>("SELECT COUNT(*) AS count FROM schema_migrations");
    return Number(row?.count ?? 0);
  });
}
