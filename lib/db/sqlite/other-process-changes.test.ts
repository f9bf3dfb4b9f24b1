import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../migrate";
import { DEFAULT_WORKSPACE_UUID } from "../migrations";
import { apiTokenRepository } from "../repositories/api-tokens";
import type { SqlClient } from "../sql-client";
import { WATCHED_TABLES } from "../watched-tables";
import { openSqliteClient } from "./sqlite-client";

// Two processes on one SQLite file (two clients on a real, migrated file): what one remembers of
// the watched tables survives the other's writes elsewhere, and is forgotten when the other
// changes those tables (migration `change-counters`, `other-connections.ts`).
const TOKEN = { uuid: "t1", workspaceUuid: DEFAULT_WORKSPACE_UUID, userUuid: null, name: "first", prefix: "rly_1" };

/** Past the millisecond between two looks at `data_version`, on the clock the client reads. */
async function pastALook() {
  const past = performance.now() + 2;
  while (performance.now() < past) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe("SQLite: another process's changes", () => {
  let folder: string;
  let a: SqlClient;
  let b: SqlClient;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "relay-sqlite-others-"));
    const file = path.join(folder, "app.db");
    a = openSqliteClient(file);
    await migrate(a);
    b = openSqliteClient(file);
    await apiTokenRepository(b).create(TOKEN, "hash-1");
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("keeps what it remembers while the other writes other tables, and a token's last use", async () => {
    const tokens = apiTokenRepository(a);
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "first", lastUsedAt: null });
    // A last use counts nothing; the workspace settings are not watched. Both commit, so data_version moves.
    await apiTokenRepository(b).touch("t1", "2026-01-01T00:00:00.000Z");
    await b.run("INSERT INTO workspace_settings (workspace_uuid, key, value, updated_at) VALUES (?, 'k', 'v', 'now')", [DEFAULT_WORKSPACE_UUID]);
    await pastALook();
    // From memory: the last use written since is not in it.
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "first", lastUsedAt: null });
    expect((await a.get<{ last_used_at: string }>("SELECT last_used_at FROM api_tokens WHERE uuid = 't1'"))?.last_used_at).toBe("2026-01-01T00:00:00.000Z");

    await b.run("UPDATE api_tokens SET name = 'renamed' WHERE uuid = 't1'");
    await pastALook();
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "renamed", lastUsedAt: "2026-01-01T00:00:00.000Z" });
  });

  it("forgets rows the other deleted through a foreign key's cascade", async () => {
    const tokens = apiTokenRepository(a);
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    await b.run("DELETE FROM workspaces WHERE uuid = ?", [DEFAULT_WORKSPACE_UUID]);
    await pastALook();
    expect(await tokens.findActive("hash-1")).toBeNull();
  });

  it("forgets everything when the other changed the schema", async () => {
    const tokens = apiTokenRepository(a);
    expect(await tokens.findActive("hash-1")).toMatchObject({ lastUsedAt: null });
    await apiTokenRepository(b).touch("t1", "2026-01-01T00:00:00.000Z");
    await b.run("CREATE TABLE scratch (n INTEGER)");
    await pastALook();
    expect(await tokens.findActive("hash-1")).toMatchObject({ lastUsedAt: "2026-01-01T00:00:00.000Z" });
  });

  it("counts every watched table's changes, and every api_tokens column but last_used_at", async () => {
    const counted = await a.all<{ tbl_name: string }>("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_count_%'");
    expect(counted.map((row) => row.tbl_name).sort()).toEqual([...WATCHED_TABLES].sort());
    const trigger = await a.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'api_tokens_count_update'");
    const named = /UPDATE OF (.*?) ON/.exec(trigger!.sql)![1]!.split(",").map((column) => column.trim());
    const columns = await a.all<{ name: string }>("SELECT name FROM pragma_table_info('api_tokens')");
    expect(named.sort()).toEqual(columns.map((column) => column.name).filter((name) => name !== "last_used_at").sort());
  });
});
