import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./open-database";
import { createTestStorage, type TestStorage } from "./testing/test-storage";

// The queries that look runs up by state or batch, as the repositories write them (run-leases.ts,
// runs.ts, batches.ts, play-triggers.ts), must be able to use the partial indexes of migration 18:
// each dialect picks a partial index only when the query names its condition in a form it can
// match (SQLite: the same `status IN ('pending', 'running')` term; a comparison on batch_uuid).
const QUERIES: Array<[what: string, sql: string, params: unknown[], index: RegExp]> = [
  [
    "the lease sweep",
    "SELECT uuid, workspace_uuid, lease_owner FROM runs WHERE status IN ('pending', 'running') AND (lease_expires_at IS NULL OR lease_expires_at <= ?) ORDER BY created_at, uuid LIMIT ?",
    ["2030-01-01T00:00:00.000Z", 10],
    /runs_unfinished_(created|lease)/,
  ],
  ["resuming after a restart", "SELECT uuid, workspace_uuid FROM runs WHERE status IN ('pending', 'running') ORDER BY created_at, uuid", [], /runs_unfinished_/],
  ["the owners of leases", "SELECT DISTINCT lease_owner FROM runs WHERE status IN ('pending', 'running') AND lease_owner IS NOT NULL", [], /runs_unfinished_/],
  ["a batch's counts", "SELECT status, COUNT(*) AS count FROM runs WHERE batch_uuid = ? AND retried_at IS NULL GROUP BY status", ["b1"], /runs_batch_/],
  [
    "a batch's unfinished runs",
    "SELECT 1 FROM runs r WHERE r.batch_uuid = ? AND r.retried_at IS NULL AND r.status IN ('pending', 'running')",
    ["b1"],
    /runs_batch_|runs_unfinished_/,
  ],
];

describe("partial indexes over runs", () => {
  let storage: TestStorage;
  let db: Database;

  beforeAll(async () => {
    storage = await createTestStorage("run-indexes-");
    db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
  });
  afterAll(async () => {
    await db.close();
    await storage.cleanup();
  });

  /** The plan's text; on Postgres with sequential scans priced out, so an index is taken whenever one applies. */
  async function planOf(sql: string, params: unknown[]): Promise<string> {
    if (db.client.dialect === "sqlite") {
      const rows = await db.client.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never[]);
      return rows.map((row) => row.detail).join("\n");
    }
    return db.client.transaction(async (tx) => {
      await tx.run("SET LOCAL enable_seqscan = off");
      const rows = await tx.all<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params as never[]);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }

  for (const [what, sql, params, index] of QUERIES) {
    it(`${what} reads a partial index`, async () => {
      expect(await planOf(sql, params)).toMatch(index);
    });
  }

  it("holds only unfinished runs in the unfinished indexes and only batch runs in the batch ones", async () => {
    const indexes =
      db.client.dialect === "sqlite"
        ? await db.client.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs' AND sql IS NOT NULL")
        : await db.client.all<{ name: string; sql: string }>("SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = 'runs'");
    const conditionOf = (name: string) => /\bWHERE\b(.*)$/is.exec(indexes.find((row) => row.name === name)?.sql ?? "")?.[1]?.trim();
    for (const name of ["runs_unfinished_created", "runs_unfinished_lease"]) expect(conditionOf(name)).toMatch(/status.*pending.*running/);
    for (const name of ["runs_batch_status", "runs_batch_created"]) expect(conditionOf(name)).toMatch(/batch_uuid IS NOT NULL/);
    expect(indexes.map((row) => row.name)).not.toContain("runs_status_created");
  });
});
