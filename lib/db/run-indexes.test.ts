import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID } from "./migrations";
import { openDatabase, type Database } from "./open-database";
import { runLeaseRepository } from "./repositories/run-leases";
import { SAVE_MANY_SQL, WRITE_MANY_SQL } from "./repositories/run-batch-sql";
import { runRepository } from "./repositories/runs";
import type { SqlClient, SqlValue } from "./sql-client";
import { toPositional } from "./postgres/postgres-client";
import { createTestStorage, type TestStorage } from "./testing/test-storage";

// The statements the repositories send to look runs up by state must each find an index
// (migration 18): the partial ones only when they name the condition in a form the dialect can
// match (SQLite: the same `status IN ('pending', 'running')` term; a comparison on batch_uuid).
// The statements are the ones the repositories send, caught by a client that records them.

describe("indexes over runs", () => {
  let storage: TestStorage;
  let db: Database;
  let sent: Array<{ sql: string; params: readonly SqlValue[] }>;
  let recording: SqlClient;

  beforeAll(async () => {
    storage = await createTestStorage("run-indexes-");
    db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
    const record = (sql: string, params: readonly SqlValue[] = []) => void sent.push({ sql, params });
    recording = {
      ...db.client,
      all: (sql, params) => (record(sql, params), db.client.all(sql, params)),
      get: (sql, params) => (record(sql, params), db.client.get(sql, params)),
      run: (sql, params) => (record(sql, params), db.client.run(sql, params)),
    };
  });
  afterAll(async () => {
    await db.close();
    await storage.cleanup();
  });

  /** The plan of the one statement `ask` sends; on Postgres with sequential scans priced out, so an index is taken whenever one applies. */
  async function planOf(ask: (client: SqlClient) => Promise<unknown>): Promise<string> {
    sent = [];
    await ask(recording);
    expect(sent).toHaveLength(1);
    const { sql, params } = sent[0]!;
    if (db.client.dialect === "sqlite") {
      const rows = await db.client.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
      return rows.map((row) => row.detail).join("\n");
    }
    return db.client.transaction(async (tx) => {
      await tx.run("SET LOCAL enable_seqscan = off");
      const rows = await tx.all<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }

  const cases: Array<[what: string, ask: (client: SqlClient) => Promise<unknown>, sqlite: RegExp, postgres: RegExp]> = [
    ["the lease sweep", (client) => runLeaseRepository(client).listClaimable(new Date(), 10), /runs_unfinished_created/, /runs_unfinished_(created|lease)/],
    ["resuming after a restart", (client) => runRepository(client).listUnfinished(), /runs_unfinished_created/, /runs_unfinished_(created|lease)/],
    ["the owners of leases", (client) => runLeaseRepository(client).owners(), /runs_unfinished_/, /runs_unfinished_/],
    [
      "the run list by status",
      (client) => runRepository(client).list({ workspaceUuid: DEFAULT_WORKSPACE_UUID, statuses: ["error"], limit: 50 }),
      /runs_workspace_status_created/,
      /runs_workspace_status_created/,
    ],
    ["a batch's runs", (client) => runRepository(client).list({ workspaceUuid: DEFAULT_WORKSPACE_UUID, batchUuid: "b1", limit: 50 }), /runs_batch_|runs_workspace_/, /runs_batch_|runs_workspace_/],
  ];
  for (const [what, ask, sqlite, postgres] of cases) {
    it(`${what} reads an index, not the whole table`, async () => {
      const plan = await planOf(ask);
      expect(plan).toMatch(db.client.dialect === "sqlite" ? sqlite : postgres);
      expect(plan).not.toMatch(/\bSCAN runs(?! USING (?:COVERING )?INDEX)|Seq Scan on runs/);
    });
  }

  // Named, the batched save runs a generic plan, made without its parameters (postgres-client.ts).
  it.skipIf(process.env.TEST_POSTGRES_URL === undefined)("the batched saves' generic plans find their runs by the primary key (Postgres)", async () => {
    const plans = await db.client.transaction(async (tx) => {
      await tx.run(`INSERT INTO runs (uuid, workspace_uuid, nodes_json, data_json, status, executions_json, outputs_json, computed_configs_json, updated_at, created_at)
        SELECT 'plan-' || n, ?, '[]', '{}', 'success', '[]', '{}', '{}', '2025-01-01', '2025-01-01' FROM generate_series(1, 5000) AS n`, [DEFAULT_WORKSPACE_UUID]);
      await tx.run("ANALYZE runs");
      await tx.run("SET LOCAL plan_cache_mode = force_generic_plan");
      const plans: string[] = [];
      for (const [sql, params] of [
        [SAVE_MANY_SQL, "'[]', '{}', '{}'"],
        [WRITE_MANY_SQL, "'[]', '[]', '{}', '{}'"],
      ] as const) {
        await tx.run(`PREPARE batched_save AS ${toPositional(sql)}`);
        const rows = await tx.all<{ "QUERY PLAN": string }>(`EXPLAIN EXECUTE batched_save(${params})`);
        await tx.run("DEALLOCATE batched_save");
        plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
      }
      await tx.run("DELETE FROM runs WHERE uuid LIKE 'plan-%'");
      return plans;
    });
    for (const plan of plans) {
      expect(plan.match(/Index Scan on runs_pkey|Index Scan using runs_pkey on runs/g)?.length).toBeGreaterThanOrEqual(2);
      expect(plan).not.toMatch(/Seq Scan on runs/);
    }
  });

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
