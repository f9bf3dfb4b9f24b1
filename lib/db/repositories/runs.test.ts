import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Execution, WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "../migrations";
import { openDatabase, type Database } from "../open-database";
import type { StoredRunState } from "./runs";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

const WS = DEFAULT_WORKSPACE_UUID;
const OTHER_WORKSPACE = "00000000-0000-4000-8000-0000000000c3";
const WORKFLOW = "00000000-0000-4000-8000-00000000f001";

const startNode: WorkflowNode = {
  uuid: "n-start",
  slug: "start",
  kind: "native",
  actionSlug: "start",
  config: {},
  childrenUuids: [],
  fallbackOnFailure: false,
  position: { x: 0, y: 0 },
};

let sequence = 0;
function makeRunState(overrides: { run?: Partial<StoredRunState["run"]> } & Partial<Omit<StoredRunState, "run">> = {}): StoredRunState {
  sequence += 1;
  const createdAt = new Date(Date.UTC(2025, 0, 1, 0, 0, sequence)).toISOString();
  return {
    outputs: {},
    computedConfigs: {},
    cursorNodeUuid: "n-start",
    ...overrides,
    run: {
      uuid: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
      workspaceUuid: WS,
      workflowUuid: WORKFLOW,
      releaseUuid: null,
      nodes: [startNode],
      data: { email: "ada@example.com" },
      batchUuid: null,
      recordId: null,
      recordTitle: null,
      status: "pending",
      errorMessage: null,
      output: null,
      executions: [],
      createdAt,
      updatedAt: createdAt,
      finishedAt: null,
      ...overrides.run,
    },
  };
}

const execution: Execution = {
  nodeUuid: "n-start",
  nodeSlug: "start",
  nodeKind: "native",
  nodeActionSlug: "start",
  nodeChildIndex: 0,
  nextNodeUuid: null,
  status: "success",
  errorMessage: null,
  title: "Started",
  attempts: 1,
  startedAt: "2025-01-01T00:00:01.000Z",
  finishedAt: "2025-01-01T00:00:02.000Z",
};

describe("runRepository", () => {
  let dataDir: string;
  let storage: TestStorage;
  let db: Database;

  beforeEach(async () => {
    storage = await createTestStorage("runs-test-");
    dataDir = storage.dataDir;
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
  });
  afterEach(async () => {
    await db.close();
    await storage.cleanup();
  });

  it("round-trips a state through create, save and load, across a restart", async () => {
    const state = makeRunState();
    await db.runs.create(state);
    expect(await db.runs.load(WS, state.run.uuid)).toEqual(state);

    const finished: StoredRunState = {
      run: { ...state.run, status: "success", output: { ok: true }, executions: [execution], updatedAt: "2025-01-02T00:00:00.000Z", finishedAt: "2025-01-02T00:00:00.000Z" },
      outputs: { "n-start": { email: "ada@example.com" } },
      computedConfigs: { "n-start": {} },
      cursorNodeUuid: null,
    };
    expect(await db.runs.save(finished)).toBe(true);
    await db.close();
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
    expect(await db.runs.load(WS, state.run.uuid)).toEqual(finished);
  });

  it("scopes load by workspace and answers null for an unknown run", async () => {
    const state = makeRunState();
    await db.runs.create(state);
    expect(await db.runs.load(OTHER_WORKSPACE, state.run.uuid)).toBeNull();
    expect(await db.runs.load(WS, "00000000-0000-4000-8000-0000000000ff")).toBeNull();
  });

  it("leaves the previous state whole when a save fails", async () => {
    const state = makeRunState();
    await db.runs.create(state);
    const unserializable: StoredRunState = {
      ...state,
      run: { ...state.run, status: "running", executions: [execution] },
      outputs: { "n-start": { big: BigInt(1) } },
    };
    expect(() => JSON.stringify(unserializable.outputs)).toThrow();
    await expect(db.runs.save(unserializable)).rejects.toThrow();
    expect(await db.runs.load(WS, state.run.uuid)).toEqual(state);
  });

  it("never changes the graph, input or workflow on save", async () => {
    const state = makeRunState();
    await db.runs.create(state);
    await db.runs.save({ ...state, run: { ...state.run, nodes: [], data: {}, workflowUuid: null, status: "running" } });
    expect(await db.runs.load(WS, state.run.uuid)).toEqual({ ...state, run: { ...state.run, status: "running" } });
  });

  it("lists unfinished runs oldest first, in every workspace", async () => {
    await db.workspaces.create(OTHER_WORKSPACE, "Other");
    const first = makeRunState({ run: { status: "running" } });
    const finished = makeRunState({ run: { status: "success", finishedAt: "2025-01-01T01:00:00.000Z" } });
    const other = makeRunState({ run: { workspaceUuid: OTHER_WORKSPACE } });
    const cancelled = makeRunState({ run: { status: "cancelled" } });
    for (const state of [other, cancelled, finished, first]) await db.runs.create(state);
    expect(await db.runs.listUnfinished()).toEqual([
      { workspaceUuid: WS, uuid: first.run.uuid },
      { workspaceUuid: OTHER_WORKSPACE, uuid: other.run.uuid },
    ]);
  });

  it("cancels only unfinished runs of the workspace and returns the ones it changed", async () => {
    await db.workspaces.create(OTHER_WORKSPACE, "Other");
    const running = makeRunState({ run: { status: "running" } });
    const pending = makeRunState();
    const done = makeRunState({ run: { status: "error", errorMessage: "Boom", finishedAt: "2025-01-01T01:00:00.000Z" } });
    const foreign = makeRunState({ run: { workspaceUuid: OTHER_WORKSPACE } });
    for (const state of [running, pending, done, foreign]) await db.runs.create(state);

    const at = "2025-02-01T00:00:00.000Z";
    const changed = await db.runs.cancel(WS, [running.run.uuid, pending.run.uuid, done.run.uuid, foreign.run.uuid, "missing"], at);
    expect(changed.sort()).toEqual([running.run.uuid, pending.run.uuid].sort());
    expect((await db.runs.load(WS, running.run.uuid))?.run).toMatchObject({ status: "cancelled", errorMessage: "Cancelled", finishedAt: at, updatedAt: at });
    expect(await db.runs.load(WS, done.run.uuid)).toEqual(done);
    expect(await db.runs.load(OTHER_WORKSPACE, foreign.run.uuid)).toEqual(foreign);
    expect(await db.runs.cancel(WS, [running.run.uuid], at)).toEqual([]);
    expect(await db.runs.cancel(WS, [], at)).toEqual([]);
  });

  it("refuses to overwrite a cancelled run unless the saved state is cancelled too", async () => {
    const state = makeRunState({ run: { status: "running" } });
    await db.runs.create(state);
    await db.runs.cancel(WS, [state.run.uuid], "2025-02-01T00:00:00.000Z");

    const stale: StoredRunState = { ...state, run: { ...state.run, status: "success", executions: [execution] }, cursorNodeUuid: null };
    expect(await db.runs.save(stale)).toBe(false);
    expect((await db.runs.load(WS, state.run.uuid))?.run).toMatchObject({ status: "cancelled", executions: [] });

    const closing: StoredRunState = {
      ...state,
      run: { ...state.run, status: "cancelled", errorMessage: "Cancelled", executions: [{ ...execution, status: "cancelled" }], finishedAt: "2025-02-01T00:00:00.000Z" },
      cursorNodeUuid: null,
    };
    expect(await db.runs.save(closing)).toBe(true);
    expect(await db.runs.load(WS, state.run.uuid)).toEqual(closing);
  });

  it("reports a save of a run that does not exist", async () => {
    expect(await db.runs.save(makeRunState())).toBe(false);
  });

  it("lists summaries newest first, filtered by workflow and status, up to the limit", async () => {
    const otherWorkflow = "00000000-0000-4000-8000-00000000f002";
    const a = makeRunState({ run: { status: "success", finishedAt: "2025-01-01T01:00:00.000Z" } });
    const b = makeRunState({ run: { workflowUuid: otherWorkflow } });
    const c = makeRunState({ run: { status: "error", errorMessage: "Boom" } });
    const adHoc = makeRunState({ run: { workflowUuid: null } });
    for (const state of [a, b, c, adHoc]) await db.runs.create(state);

    const all = await db.runs.list({ workspaceUuid: WS, limit: 50 });
    expect(all.map((run) => run.uuid)).toEqual([adHoc, c, b, a].map((state) => state.run.uuid));
    expect(all[1]).toEqual({
      uuid: c.run.uuid,
      workflowUuid: WORKFLOW,
      releaseUuid: null,
      batchUuid: null,
      recordId: null,
      recordTitle: null,
      status: "error",
      errorMessage: "Boom",
      createdAt: c.run.createdAt,
      updatedAt: c.run.updatedAt,
      finishedAt: null,
    });
    expect((await db.runs.list({ workspaceUuid: WS, workflowUuid: WORKFLOW, limit: 50 })).map((run) => run.uuid)).toEqual([c.run.uuid, a.run.uuid]);
    expect((await db.runs.list({ workspaceUuid: WS, statuses: ["success", "pending"], limit: 50 })).map((run) => run.uuid)).toEqual([
      adHoc.run.uuid,
      b.run.uuid,
      a.run.uuid,
    ]);
    expect(await db.runs.list({ workspaceUuid: WS, limit: 2 })).toHaveLength(2);
    expect(await db.runs.list({ workspaceUuid: OTHER_WORKSPACE, limit: 50 })).toEqual([]);
  });
});
