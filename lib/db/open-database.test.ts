import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID, migrations } from "./migrations";
import { openDatabase, type Database } from "./open-database";

const OTHER_WORKSPACE = "00000000-0000-4000-8000-0000000000b2";

const makeIntegration = (overrides: Partial<Parameters<Database["customIntegrations"]["create"]>[1]> = {}) => ({
  baseUrl: "http://127.0.0.1:4010",
  slug: "demo_crm",
  name: "Demo CRM",
  layout: "seed" as const,
  manifest: { name: "Demo CRM", actions: {} },
  ...overrides,
});

describe("openDatabase (SQLite file)", () => {
  let dataDir: string;
  let db: Database;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "db-test-"));
    db = await openDatabase({ dataDir });
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates the file on first start and applies every migration once", async () => {
    expect(fs.existsSync(path.join(dataDir, "app.db"))).toBe(true);
    expect(db.migrations).toBe(migrations.length);
    await db.close();
    db = await openDatabase({ dataDir });
    expect(db.migrations).toBe(migrations.length);
    expect(await db.workspaces.get(DEFAULT_WORKSPACE_UUID)).toMatchObject({ name: "Default workspace" });
  });

  it("keeps data across restarts", async () => {
    const created = await db.customIntegrations.create(DEFAULT_WORKSPACE_UUID, makeIntegration());
    await db.close();
    db = await openDatabase({ dataDir });
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
    await expect(db.customIntegrations.create(DEFAULT_WORKSPACE_UUID, makeIntegration())).rejects.toThrow(/UNIQUE/);
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

  it("stores workspace settings as JSON values", async () => {
    expect(await db.workspaceSettings.get(DEFAULT_WORKSPACE_UUID, "flag")).toBeUndefined();
    await db.workspaceSettings.set(DEFAULT_WORKSPACE_UUID, "flag", { on: true });
    await db.workspaceSettings.set(DEFAULT_WORKSPACE_UUID, "flag", { on: false });
    expect(await db.workspaceSettings.get(DEFAULT_WORKSPACE_UUID, "flag")).toEqual({ on: false });
  });

  it("refuses a Postgres URL with a clear message instead of silently using SQLite", async () => {
    await expect(openDatabase({ dataDir, databaseUrl: "postgres://localhost/app" })).rejects.toThrow(/Postgres.*not supported yet/);
  });
});
