import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "../migrations";
import { openDatabase, type Database } from "../open-database";
import { graphVersion } from "../shared-graphs";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

const WS = DEFAULT_WORKSPACE_UUID;
const OTHER_WORKSPACE = "00000000-0000-4000-8000-0000000000d4";

const makeNode = (overrides: Partial<Extract<WorkflowNode, { kind: "native" }>> = {}): WorkflowNode => ({
  uuid: "n-start",
  slug: "start",
  kind: "native",
  actionSlug: "start",
  config: {},
  childrenUuids: [],
  fallbackOnFailure: false,
  position: { x: 0, y: 0 },
  ...overrides,
});

describe("workflowRepository", () => {
  let dataDir: string;
  let storage: TestStorage;
  let db: Database;

  beforeEach(async () => {
    storage = await createTestStorage("workflows-test-");
    dataDir = storage.dataDir;
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await db.close();
    await storage.cleanup();
  });

  it("creates, gets, lists and removes, scoped by workspace", async () => {
    await db.workspaces.create(OTHER_WORKSPACE, "Other");
    const created = await db.workflows.create(WS, { name: "Enrich leads", nodes: [makeNode(), makeNode({ uuid: "n-end", slug: "end", actionSlug: "end" })] });
    expect(created).toMatchObject({ workspaceUuid: WS, name: "Enrich leads", createdAt: created.updatedAt });
    expect(await db.workflows.get(WS, created.uuid)).toEqual(created);
    expect(await db.workflows.list(WS)).toEqual([
      { uuid: created.uuid, name: "Enrich leads", nodesCount: 2, deployedRelease: null, createdAt: created.createdAt, updatedAt: created.updatedAt },
    ]);

    expect(await db.workflows.get(OTHER_WORKSPACE, created.uuid)).toBeNull();
    expect(await db.workflows.list(OTHER_WORKSPACE)).toEqual([]);
    expect(await db.workflows.remove(OTHER_WORKSPACE, created.uuid)).toBe(false);
    expect(await db.workflows.update(OTHER_WORKSPACE, created.uuid, { name: "X" }, created.updatedAt)).toBeNull();

    expect(await db.workflows.remove(WS, created.uuid)).toBe(true);
    expect(await db.workflows.get(WS, created.uuid)).toBeNull();
    expect(await db.workflows.remove(WS, created.uuid)).toBe(false);
  });

  it("gives the runs of an unchanged workflow one parsed graph, frozen and hashed once; a change gives a new one", async () => {
    const created = await db.workflows.create(WS, { name: "Shared", nodes: [makeNode({ config: { note: "first" } })] });
    const forRun = async () => (await db.workflows.getForRun(WS, created.uuid))!.workflow.nodes;
    // On Postgres the read cache keeps answers once its LISTEN is in place.
    let first = await forRun();
    for (let tries = 0; tries < 100 && (await forRun()) !== first; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      first = await forRun();
    }
    expect(await forRun()).toBe(first);
    expect(Object.isFrozen(first[0]!.config)).toBe(true);
    expect(() => {
      (first[0] as { slug: string }).slug = "changed";
    }).toThrow(TypeError);
    // The version stands for the content, shared or not.
    expect(graphVersion(first)).toBe(graphVersion(structuredClone(first)));
    // A run of it stores the workflow's own text of the graph, not a serialization made again.
    await db.client.run("UPDATE workflows SET nodes_json = ? WHERE uuid = ?", [`[ ${JSON.stringify(first[0])} ]`, created.uuid]);
    const spaced = await forRun();
    const run = { uuid: "00000000-0000-4000-8000-00000000a001", workspaceUuid: WS, workflowUuid: created.uuid, releaseUuid: null, nodes: spaced, data: {}, batchUuid: null, recordId: null, recordTitle: null, status: "pending" as const, errorMessage: null, output: null, executions: [], createdAt: created.createdAt, updatedAt: created.createdAt, finishedAt: null };
    await db.runs.create({ run, outputs: {}, computedConfigs: {}, cursorNodeUuid: null });
    expect((await db.client.get<{ nodes_json: string }>("SELECT nodes_json FROM runs WHERE uuid = ?", [run.uuid]))!.nodes_json).toBe(`[ ${JSON.stringify(first[0])} ]`);

    await db.workflows.update(WS, created.uuid, { nodes: [makeNode({ config: { note: "second" } })] }, created.updatedAt);
    const changed = await forRun();
    expect(changed).not.toBe(first);
    expect(changed[0]!.config).toEqual({ note: "second" });
    expect(graphVersion(changed)).not.toBe(graphVersion(first));
  });

  it("lists the most recently updated first", async () => {
    // A clock that moves between steps: on a busy machine real steps can share a millisecond.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-01T12:00:00.000Z"));
    const older = await db.workflows.create(WS, { name: "Older", nodes: [] });
    vi.setSystemTime(new Date("2025-03-01T12:00:01.000Z"));
    const newer = await db.workflows.create(WS, { name: "Newer", nodes: [] });
    expect((await db.workflows.list(WS)).map((w) => w.uuid)).toEqual([newer.uuid, older.uuid]);
    vi.setSystemTime(new Date("2025-03-01T12:00:02.000Z"));
    await db.workflows.update(WS, older.uuid, { name: "Older, edited" }, older.updatedAt);
    expect((await db.workflows.list(WS)).map((w) => w.uuid)).toEqual([older.uuid, newer.uuid]);
  });

  it("updates only what is given and moves updatedAt forward", async () => {
    const created = await db.workflows.create(WS, { name: "Draft", nodes: [makeNode()] });
    const renamed = await db.workflows.update(WS, created.uuid, { name: "Renamed" }, created.updatedAt);
    expect(renamed).toEqual({ workflow: { ...created, name: "Renamed", updatedAt: expect.any(String) } });
    const first = (renamed as { workflow: { updatedAt: string } }).workflow;
    expect(first.updatedAt > created.updatedAt).toBe(true);

    const nodes = [makeNode({ slug: "begin" })];
    const reshaped = await db.workflows.update(WS, created.uuid, { nodes }, first.updatedAt);
    expect(reshaped).toMatchObject({ workflow: { name: "Renamed", nodes } });
  });

  it("answers a stale update with the current version and writes nothing", async () => {
    const created = await db.workflows.create(WS, { name: "Draft", nodes: [] });
    const mine = await db.workflows.update(WS, created.uuid, { name: "Mine" }, created.updatedAt);
    const theirs = await db.workflows.update(WS, created.uuid, { name: "Theirs", nodes: [makeNode()] }, created.updatedAt);
    expect(mine && "workflow" in mine).toBe(true);
    const current = await db.workflows.get(WS, created.uuid);
    expect(theirs).toEqual({ conflict: current });
    expect(current).toMatchObject({ name: "Mine", nodes: [] });
  });

  it("accepts the expected timestamp in any ISO form of the same instant", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-01T12:00:00.000Z"));
    const created = await db.workflows.create(WS, { name: "Draft", nodes: [] });
    expect(await db.workflows.update(WS, created.uuid, { name: "Ok" }, "2025-03-01T12:00:00Z")).toMatchObject({ workflow: { name: "Ok" } });
  });

  it("keeps updatedAt strictly increasing when the clock stands still or goes back", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-01T12:00:00.000Z"));
    const created = await db.workflows.create(WS, { name: "Draft", nodes: [] });
    let version = created.updatedAt;
    const seen = [version];
    for (const name of ["a", "b", "c"]) {
      const result = await db.workflows.update(WS, created.uuid, { name }, version);
      if (!result || !("workflow" in result)) throw new Error("expected the update to land");
      version = result.workflow.updatedAt;
      seen.push(version);
    }
    vi.setSystemTime(new Date("2025-02-01T00:00:00.000Z"));
    const afterClockWentBack = await db.workflows.update(WS, created.uuid, { name: "d" }, version);
    seen.push((afterClockWentBack as { workflow: { updatedAt: string } }).workflow.updatedAt);
    expect(seen).toEqual([
      "2025-03-01T12:00:00.000Z",
      "2025-03-01T12:00:00.001Z",
      "2025-03-01T12:00:00.002Z",
      "2025-03-01T12:00:00.003Z",
      "2025-03-01T12:00:00.004Z",
    ]);
    expect((await db.workflows.update(WS, created.uuid, { name: "e" }, "2025-03-01T12:00:00.003Z"))).toMatchObject({ conflict: { name: "d" } });
  });
});
