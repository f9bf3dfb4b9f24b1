import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlClient } from "../sql-client";
import { openSqliteClient } from "./sqlite-client";

// Reads answered from memory on SQLite (`allCached`): a table named as a watched one (`workflows`),
// and clients on one real file; a second client stands for another process.
const READ = "SELECT name FROM workflows WHERE uuid = ?";

describe("openSqliteClient: allCached", () => {
  let folder: string;
  let file: string;
  let client: SqlClient;
  const cachedName = async (on = client) => (await on.allCached<{ name: string }>(READ, ["w1"]))[0]?.name;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "relay-sqlite-cache-"));
    file = path.join(folder, "app.db");
    client = openSqliteClient(file);
    await client.run("CREATE TABLE workflows (uuid TEXT PRIMARY KEY, name TEXT NOT NULL)");
    await client.run("INSERT INTO workflows (uuid, name) VALUES ('w1', 'First')");
    // A change nobody is told of: a trigger on another table writes the watched one.
    await client.run("CREATE TABLE pokes (n INTEGER)");
    await client.run("CREATE TRIGGER poke AFTER INSERT ON pokes BEGIN UPDATE workflows SET name = 'Unheard'; END");
  });
  afterEach(async () => {
    await client.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("answers from memory while nothing it read has changed", async () => {
    expect(await cachedName()).toBe("First");
    await client.run("INSERT INTO pokes (n) VALUES (1)");
    expect((await client.all<{ name: string }>(READ, ["w1"]))[0]?.name).toBe("Unheard");
    expect(await cachedName()).toBe("First");
  });

  it("sees the connection's own writes at once, however they are written", async () => {
    expect(await cachedName()).toBe("First");
    await client.run("UPDATE workflows SET name = 'By run' WHERE uuid = 'w1'");
    expect(await cachedName()).toBe("By run");
    await client.all("UPDATE workflows SET name = 'By all' WHERE uuid = 'w1' RETURNING uuid");
    expect(await cachedName()).toBe("By all");
    await client.transaction((tx) => tx.run("UPDATE workflows SET name = 'In a transaction' WHERE uuid = 'w1'"));
    expect(await cachedName()).toBe("In a transaction");
    await client.get("UPDATE workflows SET name = 'By get' WHERE uuid = 'w1' RETURNING uuid");
    expect(await cachedName()).toBe("By get");
    await client.run("INSERT OR REPLACE INTO workflows (uuid, name) VALUES ('w1', 'Replaced')");
    expect(await cachedName()).toBe("Replaced");
  });

  it("sees a write committed in a group with others at once", async () => {
    expect(await cachedName()).toBe("First");
    await Promise.all([
      client.run("INSERT INTO pokes (n) VALUES (2)"),
      client.run("UPDATE workflows SET name = 'In a group' WHERE uuid = 'w1'"),
      client.run("INSERT INTO pokes (n) VALUES (3)"),
    ]);
    // The group's last insert had the trigger write 'Unheard' after the update; the update made the
    // cache forget the table, so the read sees what stands.
    expect((await client.all<{ name: string }>(READ, ["w1"]))[0]?.name).toBe("Unheard");
    expect(await cachedName()).toBe("Unheard");
  });

  it("forgets everything after a write it cannot read the target of", async () => {
    expect(await cachedName()).toBe("First");
    await client.run("INSERT INTO pokes (n) VALUES (1)");
    expect(await cachedName()).toBe("First");
    await client.run("PRAGMA user_version = 7");
    expect(await cachedName()).toBe("Unheard");
  });

  it("sees another connection's commit within a millisecond", async () => {
    const other = openSqliteClient(file);
    try {
      expect(await cachedName()).toBe("First");
      await other.run("UPDATE workflows SET name = 'Elsewhere' WHERE uuid = 'w1'");
      // Past the millisecond between looks, on the clock the client reads.
      const past = performance.now() + 2;
      while (performance.now() < past) await new Promise((resolve) => setTimeout(resolve, 1));
      expect(await cachedName()).toBe("Elsewhere");
    } finally {
      await other.close();
    }
  });

  it("keeps nothing read inside a transaction, which may yet be rolled back", async () => {
    expect(await cachedName()).toBe("First");
    await expect(
      client.transaction(async (tx) => {
        await tx.run("UPDATE workflows SET name = 'Rolled back' WHERE uuid = 'w1'");
        // Its own write, read through; and another caller's read meanwhile is not kept either.
        expect(await cachedName(tx)).toBe("Rolled back");
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await cachedName()).toBe("First");
  });

  it("holds a cached read to the watched tables, as on Postgres", async () => {
    await expect(client.allCached("SELECT n FROM pokes")).rejects.toThrow(/tables whose changes are heard of/);
  });
});
