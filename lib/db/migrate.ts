import { migrations as allMigrations, type Migration } from "./migrations";
import type { SqlClient } from "./sql-client";

/** Applies every migration not yet recorded, each in its own transaction. Returns the applied count. */
export async function migrate(
  client: SqlClient,
  migrations: readonly Migration[] = allMigrations,
): Promise<number> {
  await client.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const applied = new Set(
    (await client.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version),
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    await client.transaction(async (tx) => {
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
  }
  const row = await client.get<{ count: number }>("SELECT COUNT(*) AS count FROM schema_migrations");
  return Number(row?.count ?? 0);
}
