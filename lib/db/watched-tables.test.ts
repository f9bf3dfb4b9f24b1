import { describe, expect, it } from "vitest";
import { migrations } from "./migrations";
import { ALL_TABLES, CASCADE_ROOTS, namesWhatItWrites, tablesReadBy, tablesWrittenBy, WATCHED_TABLES } from "./watched-tables";

const TOKEN_SQL = "SELECT t.*, m.role FROM api_tokens t LEFT JOIN memberships m ON m.user_uuid = t.user_uuid WHERE t.token_hash = ?";

describe("tablesReadBy", () => {
  it("names every table after FROM or JOIN", () => {
    expect(tablesReadBy(TOKEN_SQL)).toEqual(["api_tokens", "memberships"]);
  });

  it("refuses a read of a table whose changes nobody hears of, and anything but a SELECT", () => {
    expect(() => tablesReadBy("SELECT * FROM runs WHERE uuid = ?")).toThrow(/this one reads runs/);
    expect(() => tablesReadBy("SELECT w.* FROM workflows w JOIN runs r ON r.workflow_uuid = w.uuid")).toThrow(/reads runs/);
    expect(() => tablesReadBy("UPDATE workflows SET name = ?")).toThrow(/Only a SELECT/);
    expect(() => tablesReadBy("SELECT * FROM api_tokens t, memberships m WHERE m.user_uuid = t.user_uuid")).toThrow(/JOIN, not a list/);
    expect(() => tablesReadBy('SELECT * FROM public."runs"')).toThrow(/reads runs/);
  });
});

describe("tablesWrittenBy", () => {
  it("finds the watched tables a write names, none for a read or a write elsewhere", () => {
    expect(tablesWrittenBy("UPDATE api_tokens SET last_used_at = ? WHERE uuid = ?")).toEqual(["api_tokens"]);
    expect(tablesWrittenBy("INSERT INTO connectors (uuid) VALUES (?)")).toEqual(["connectors"]);
    expect(tablesWrittenBy("SELECT * FROM workflows")).toEqual([]);
    expect(tablesWrittenBy("INSERT INTO runs (uuid, workflow_uuid) VALUES (?, ?)")).toEqual([]);
  });

  it("reads a write's target, not every table it names", () => {
    // The request inspector's insert checks its server's row; its prune deletes from its own table.
    expect(tablesWrittenBy("INSERT INTO integration_calls (uuid) SELECT ? FROM custom_integrations c WHERE c.uuid = ? FOR KEY SHARE")).toEqual([]);
    expect(tablesWrittenBy("DELETE FROM integration_calls WHERE custom_integration_uuid = ?")).toEqual([]);
    expect(tablesWrittenBy("INSERT INTO plays (uuid) VALUES (?) ON CONFLICT (uuid) DO UPDATE SET uuid = excluded.uuid")).toEqual(["plays"]);
    expect(tablesWrittenBy("WITH written AS (UPDATE workflows SET name = ? RETURNING uuid) SELECT 1 FROM written")).toEqual(["workflows"]);
    expect(tablesWrittenBy('UPDATE ONLY public."api_tokens" SET name = ?')).toEqual(["api_tokens"]);
  });

  it("reads SQLite's forms of a write too, and says when a statement names no target it writes", () => {
    expect(tablesWrittenBy("INSERT OR REPLACE INTO workflows (uuid) VALUES (?)")).toEqual(["workflows"]);
    expect(tablesWrittenBy("REPLACE INTO api_tokens (uuid) VALUES (?)")).toEqual(["api_tokens"]);
    expect(tablesWrittenBy("UPDATE OR IGNORE memberships SET role = ?")).toEqual(["memberships"]);
    expect(tablesWrittenBy("UPDATE `api_tokens` SET name = ?")).toEqual(["api_tokens"]);
    expect(tablesWrittenBy("UPDATE [connectors] SET name = ?")).toEqual(["connectors"]);
    expect(tablesWrittenBy("MERGE INTO plays p USING x ON p.uuid = x.uuid WHEN MATCHED THEN DELETE")).toEqual(["plays"]);
    expect(tablesWrittenBy("-- a note\nDROP TABLE workflows")).toEqual([ALL_TABLES]);
    expect(namesWhatItWrites("INSERT INTO runs (uuid) VALUES (?)")).toBe(true);
    expect(namesWhatItWrites("/* why */ ALTER TABLE runs ADD COLUMN x TEXT")).toBe(true);
    expect(namesWhatItWrites("PRAGMA user_version = 3")).toBe(false);
  });

  it("counts a delete from a cascade root, and a schema change, as a change to everything", () => {
    expect(tablesWrittenBy("DELETE FROM workspaces WHERE uuid = ?")).toEqual([ALL_TABLES]);
    expect(tablesWrittenBy("DELETE FROM users WHERE uuid = ?")).toEqual([ALL_TABLES]);
    expect(tablesWrittenBy("DELETE FROM connectors WHERE uuid = ?")).toEqual(["connectors"]);
    expect(tablesWrittenBy("ALTER TABLE runs ADD COLUMN x TEXT")).toEqual([ALL_TABLES]);
  });

  it("knows every table whose delete reaches a watched table through a foreign key", () => {
    const statements = migrations.flatMap((migration) => migration.statements.map((statement) => (typeof statement === "string" ? statement : statement.sql)));
    const reaching = new Set<string>();
    const seen = new Set<string>();
    for (const statement of statements) {
      const target = /^\s*(?:CREATE TABLE|ALTER TABLE)\s+([a-z_]+)/i.exec(statement)?.[1];
      if (target) seen.add(target);
      if (!target || !(WATCHED_TABLES as readonly string[]).includes(target)) continue;
      for (const [, parent] of statement.matchAll(/REFERENCES\s+([a-z_]+)\s*\([^)]*\)\s+ON DELETE\s+(?:CASCADE|SET)/gi)) reaching.add(parent!);
    }
    for (const table of WATCHED_TABLES) expect(seen, table).toContain(table);
    expect([...reaching].sort()).toEqual(expect.arrayContaining(["users", "workflows", "workspaces"]));
    for (const parent of reaching) expect(CASCADE_ROOTS.has(parent), parent).toBe(true);
  });
});

