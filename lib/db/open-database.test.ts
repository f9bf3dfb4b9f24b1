import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID, migrations } from "./migrations";
import { openDatabase, type Database } from "./open-database";
import { toPositional } from "./postgres/postgres-client";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

const OTHER_WORKSPACE = "00000000-0000-4000-8000-0000000000b2";

const makeIntegration = (overrides: Partial<Parameters<Database["customIntegrations"]["create"]>[1]> = {}) => ({
  baseUrl: "http://127.0.0.1:4010",
  slug: "demo_crm",
  name: "Demo CRM",
  layout: "seed" as const,
  manifest: { name: "Demo CRM", actions: {} },
  ...overrides,
});

describe(`openDatabase (${process.env.TEST_POSTGRES_URL ? "Postgres" : "SQLite file"})`, () => {
  let dataDir: string;
  let storage: TestStorage;
  let db: Database;

  beforeEach(async () => {
    storage = await createTestStorage("db-test-");
    dataDir = storage.dataDir;
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
  });
  afterEach(async () => {
    await db.close();
    await storage.cleanup();
  });

  it("creates the file on first start and applies every migration once", async () => {
    if (storage.dialect === "sqlite") expect(fs.existsSync(path.join(dataDir, "app.db"))).toBe(true);
    expect(db.migrations).toBe(migrations.length);
    await db.close();
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
    expect(db.migrations).toBe(migrations.length);
    expect(await db.workspaces.get(DEFAULT_WORKSPACE_UUID)).toMatchObject({ name: "Default workspace" });
  });

  it("keeps data across restarts", async () => {
    const created = await db.customIntegrations.create(DEFAULT_WORKSPACE_UUID, makeIntegration());
    await db.close();
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
    expect(await db.customIntegrations.get(DEFAULT_WORKSPACE_UUID, created.uuid)).toEqual(created);
    expect(await db.customIntegrations.getStoredManifest(DEFAULT_WORKSPACE_UUID, created.uuid)).toEqual({
      name: "Demo CRM",
      actions: {},
    });
  });

  it("scopes every custom-integration query by workspace", async () => {
    await db.workspaces.create(OTHER_WORKSPACE, "Other");
    const mine = await db.customIntegrations.create(DEFAULT_WORKSPACE_UUID, makeIntegration());
    expect(await db.customIntegrations.list(OTHER_WORKSPACE)).toEqual([]);
    expect(await db.customIntegrations.get(OTHER_WORKSPACE, mine.uuid)).toBeNull();
    expect(await db.customIntegrations.getStoredManifest(OTHER_WORKSPACE, mine.uuid)).toBeNull();
    expect(await db.customIntegrations.remove(OTHER_WORKSPACE, mine.uuid)).toBe(false);
    expect(await db.customIntegrations.list(DEFAULT_WORKSPACE_UUID)).toHaveLength(1);
  });

  it("keeps slugs unique per workspace, not across workspaces", async () => {
    await db.workspaces.create(OTHER_WORKSPACE, "Other");
    await db.customIntegrations.create(DEFAULT_WORKSPACE_UUID, makeIntegration());
    await expect(db.customIntegrations.create(DEFAULT_WORKSPACE_UUID, makeIntegration())).rejects.toThrow(/unique/i);
    await expect(db.customIntegrations.create(OTHER_WORKSPACE, makeIntegration())).resolves.toMatchObject({ slug: "demo_crm" });
    expect(await db.customIntegrations.slugExists(DEFAULT_WORKSPACE_UUID, "demo_crm")).toBe(true);
    expect(await db.customIntegrations.slugExists(DEFAULT_WORKSPACE_UUID, "other")).toBe(false);
  });

  it("rolls a failed transaction back", async () => {
    await expect(
      db.client.transaction(async (tx) => {
        await tx.run("INSERT INTO workspaces (uuid, name, created_at) VALUES (?, ?, ?)", [OTHER_WORKSPACE, "Other", "now"]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.workspaces.get(OTHER_WORKSPACE)).toBeNull();
  });

  it("keeps the repositories' writes inside a transaction together: a failure rolls all of them back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.workspaces.create(OTHER_WORKSPACE, "Other");
        await tx.workspaceSettings.set(OTHER_WORKSPACE, "flag", true);
        expect(await tx.workspaces.get(OTHER_WORKSPACE)).toMatchObject({ name: "Other" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.workspaces.get(OTHER_WORKSPACE)).toBeNull();
    await db.transaction(async (tx) => tx.workspaces.create(OTHER_WORKSPACE, "Other"));
    expect(await db.workspaces.get(OTHER_WORKSPACE)).toMatchObject({ name: "Other" });
  });

  it("answers a statement again after another process changed its table's columns", async () => {
    // Postgres: a named statement prepared before the change would fail ("cached plan must not change result type").
    await db.client.run("CREATE TABLE widening (id INTEGER PRIMARY KEY)");
    await db.client.run("INSERT INTO widening (id) VALUES (1)");
    // Every pooled connection may have prepared it: ask enough times at once to reach several.
    const ask = () => Promise.all(Array.from({ length: 6 }, () => db.client.get<{ id: number; label?: string }>("SELECT * FROM widening WHERE id = ?", [1])));
    expect((await ask()).every((row) => row?.id === 1)).toBe(true);
    await db.client.run("ALTER TABLE widening ADD COLUMN label TEXT");
    await db.client.run("UPDATE widening SET label = 'wide' WHERE id = 1");
    expect((await ask()).map((row) => row?.label)).toEqual(Array(6).fill("wide"));
  });

  it("stores workspace settings as JSON values", async () => {
    expect(await db.workspaceSettings.get(DEFAULT_WORKSPACE_UUID, "flag")).toBeUndefined();
    await db.workspaceSettings.set(DEFAULT_WORKSPACE_UUID, "flag", { on: true });
    await db.workspaceSettings.set(DEFAULT_WORKSPACE_UUID, "flag", { on: false });
    expect(await db.workspaceSettings.get(DEFAULT_WORKSPACE_UUID, "flag")).toEqual({ on: false });
  });

  it("refuses a DATABASE_URL of a database it does not speak, naming what it got", async () => {
    await expect(openDatabase({ dataDir, databaseUrl: "mysql://localhost/app" })).rejects.toThrow(/must start with postgres:\/\/.*"mysql:"/);
  });

  // Two SQLite connections in one thread would block each other (better-sqlite3 waits
  // synchronously); two processes on one file are covered by the chaos check.
  it.runIf(process.env.TEST_POSTGRES_URL)("lets two openers migrate one database at once, applying each migration once", async () => {
    const [a, b] = await Promise.all([openDatabase({ dataDir, databaseUrl: storage.databaseUrl }), openDatabase({ dataDir, databaseUrl: storage.databaseUrl })]);
    expect(a.migrations).toBe(migrations.length);
    expect(b.migrations).toBe(migrations.length);
    await Promise.all([a.close(), b.close()]);
  });
});

describe("toPositional", () => {
  it("numbers placeholders and leaves question marks inside quotes alone", () => {
    expect(toPositional("SELECT ? AS a, '?' AS \"b?\" WHERE x = ? AND y IN (?, ?)")).toBe("SELECT $1 AS a, '?' AS \"b?\" WHERE x = $2 AND y IN ($3, $4)");
  });
});
