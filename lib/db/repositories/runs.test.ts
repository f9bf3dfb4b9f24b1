import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Execution, WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "../migrations";
import { openDatabase, type Database } from "../open-database";
import type { SqlValue } from "../sql-client";
import { coalescedRunWrites } from "./coalesced-run-writes";
import { WRITE_MANY_SQL } from "./run-batch-sql";
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

  describe("several runs in one statement (createMany, saveMany, coalescedRunWrites)", () => {
    const OWNER = "host:1:ns:mine";
    const lease = { owner: OWNER, expiresAt: new Date(Date.now() + 60_000) };
    const leaseOf = (uuid: string) => db.client.get<{ lease_owner: string | null }>("SELECT lease_owner FROM runs WHERE uuid = ?", [uuid]);
    const ended = (state: StoredRunState, status: "success" | "cancelled" | "running" = "success"): StoredRunState => ({
      run: { ...state.run, status, output: { text: "nul \u0000 and \"quotes\" and \\u0000" }, executions: [execution], finishedAt: status === "running" ? null : "2025-01-02T00:00:00.000Z" },
      outputs: { "n-start": { text: "\u0000\ud800" } },
      computedConfigs: { "n-start": { nested: ["a", { b: null }] } },
      cursorNodeUuid: null,
    });

    it("inserts several runs, with or without a lease, exactly as create does", async () => {
      const [a, b] = [makeRunState({ run: { batchUuid: "batch", recordId: "r1", recordTitle: "Ada \"A\"" } }), ended(makeRunState())];
      await db.runs.createMany([{ state: a, lease }, { state: b! }]);
      expect(await db.runs.load(WS, a.run.uuid)).toEqual(a);
      expect(await db.runs.load(WS, b!.run.uuid)).toEqual(b);
      expect((await leaseOf(a.run.uuid))?.lease_owner).toBe(OWNER);
      expect((await leaseOf(b!.run.uuid))?.lease_owner).toBeNull();
    });

    it("inserts all or nothing", async () => {
      const existing = makeRunState();
      await db.runs.create(existing);
      const fresh = makeRunState();
      await expect(db.runs.createMany([{ state: fresh }, { state: existing }])).rejects.toThrow();
      expect(await db.runs.load(WS, fresh.run.uuid)).toBeNull();
    });

    it("saves each run by save's rules and answers, in order, which were written", async () => {
      const mine = makeRunState({ run: { status: "running" } });
      const theirs = makeRunState({ run: { status: "running" } });
      const cancelled = makeRunState();
      const stillMine = makeRunState({ run: { status: "running" } });
      await db.runs.createMany([{ state: mine, lease }, { state: theirs, lease: { ...lease, owner: "host:2:ns:theirs" } }, { state: cancelled, lease }, { state: stillMine, lease }]);
      await db.runs.cancel(WS, [cancelled.run.uuid], "2025-01-03T00:00:00.000Z");
      const missing = makeRunState();

      const saved = await db.runs.saveMany([
        { state: ended(mine), leaseOwner: OWNER },
        { state: ended(theirs), leaseOwner: OWNER },
        { state: ended(cancelled), leaseOwner: OWNER },
        { state: ended(stillMine, "running"), leaseOwner: OWNER },
        { state: missing, leaseOwner: OWNER },
      ]);

      // A missing run is one the statement could not lock: Postgres leaves it to a save of its own.
      expect(saved).toEqual([true, false, false, true, db.client.dialect === "postgres" ? "skipped" : false]);
      expect(await db.runs.load(WS, mine.run.uuid)).toEqual(ended(mine));
      expect((await db.runs.load(WS, theirs.run.uuid))?.run.status).toBe("running");
      expect((await db.runs.load(WS, cancelled.run.uuid))?.run.status).toBe("cancelled");
      expect(await db.runs.load(WS, stillMine.run.uuid)).toEqual(ended(stillMine, "running"));
      // An ended run lets go of its lease in the same statement; one still running keeps it.
      expect((await leaseOf(mine.run.uuid))?.lease_owner).toBeNull();
      expect((await leaseOf(stillMine.run.uuid))?.lease_owner).toBe(OWNER);
    });

    it("writes a cancelled state over a cancelled run, and an unfenced save over anyone's", async () => {
      const cancelled = makeRunState();
      const theirs = makeRunState({ run: { status: "running" } });
      await db.runs.createMany([{ state: cancelled }, { state: theirs, lease: { ...lease, owner: "host:2:ns:theirs" } }]);
      await db.runs.cancel(WS, [cancelled.run.uuid], "2025-01-03T00:00:00.000Z");
      expect(await db.runs.saveMany([{ state: ended(cancelled, "cancelled"), leaseOwner: OWNER }, { state: ended(theirs) }])).toEqual([true, true]);
      expect((await db.runs.load(WS, theirs.run.uuid))?.run.status).toBe("success");
    });

    it("coalesces writes asked while one is in flight into one statement, inserts and saves together, each answered as alone", async () => {
      const calls: string[] = [];
      const counted = {
        create: (...args: Parameters<Database["runs"]["create"]>) => (calls.push("create"), db.runs.create(...args)),
        save: (...args: Parameters<Database["runs"]["save"]>) => (calls.push("save"), db.runs.save(...args)),
        writeMany: (...args: Parameters<Database["runs"]["writeMany"]>) => (calls.push(`writeMany ${args[0].length}+${args[1].length}`), db.runs.writeMany(...args)),
      };
      const writes = coalescedRunWrites(counted);
      const states = Array.from({ length: 5 }, () => makeRunState({ run: { status: "running" } }));
      await Promise.all(states.map((state) => writes.create(state, lease)));
      const stranger = makeRunState();
      const late = makeRunState({ run: { status: "running" } });
      // A save first, alone; then four saves, a save of a run that does not exist and an insert share the next statement.
      const saved = await Promise.all([...states.map((state) => writes.save(ended(state), OWNER)), writes.save(stranger, OWNER), writes.create(late, lease)]);

      // The run that does not exist is saved again alone on Postgres (its row could not be locked) and answers false.
      expect(calls).toEqual(["create", "writeMany 4+0", "writeMany 0+1", "writeMany 1+5", ...(db.client.dialect === "postgres" ? ["save"] : [])]);
      expect(saved).toEqual([true, true, true, true, true, false, undefined]);
      for (const state of states) expect(await db.runs.load(WS, state.run.uuid)).toEqual(ended(state));
      expect(await db.runs.load(WS, late.run.uuid)).toEqual(late);
      expect((await leaseOf(late.run.uuid))?.lease_owner).toBe(OWNER);
    });

    it("inserts and saves in one statement: all the inserts or none, the saves answered as saveMany's", async () => {
      const running = makeRunState({ run: { status: "running" } });
      await db.runs.create(running, { lease });
      const fresh = makeRunState();
      const sent: string[] = [];
      const spies = (["all", "get", "run"] as const).map((method) => {
        const original = db.client[method].bind(db.client) as (sql: string, params?: readonly SqlValue[]) => Promise<unknown>;
        return vi.spyOn(db.client, method).mockImplementation(((sql: string, params?: readonly SqlValue[]) => (sent.push(sql), original(sql, params))) as never);
      });
      try {
        expect(await db.runs.writeMany([{ state: fresh, lease }], [{ state: ended(running), leaseOwner: OWNER }])).toEqual([true]);
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      // Postgres: one statement. SQLite: one transaction of the one-run statements.
      if (db.client.dialect === "postgres") expect(sent).toEqual([WRITE_MANY_SQL]);
      expect(await db.runs.load(WS, fresh.run.uuid)).toEqual(fresh);
      expect(await db.runs.load(WS, running.run.uuid)).toEqual(ended(running));
      // An insert that fails (the uuid exists) takes the whole statement with it.
      const other = makeRunState({ run: { status: "running" } });
      await db.runs.create(other, { lease });
      await expect(db.runs.writeMany([{ state: makeRunState() }, { state: fresh }], [{ state: ended(other), leaseOwner: OWNER }])).rejects.toThrow();
      expect((await db.runs.load(WS, other.run.uuid))?.run.status).toBe("running");
    });

    it("keeps text the JSON could not carry as the one-row statements store it (a lone surrogate)", async () => {
      const title = "Ada \ud800 Lovelace";
      const [one, many] = [makeRunState({ run: { recordTitle: title } }), makeRunState({ run: { recordTitle: title } })];
      await db.runs.create(one);
      await db.runs.createMany([{ state: many }, { state: makeRunState() }]);
      const failed = (state: StoredRunState): StoredRunState => ({ ...state, run: { ...state.run, status: "error", errorMessage: `Boom \udc00`, finishedAt: "2025-01-02T00:00:00.000Z" } });
      expect(await db.runs.save(failed(one))).toBe(true);
      expect(await db.runs.saveMany([{ state: failed(many) }, { state: ended(makeRunState()) }])).toEqual([true, db.client.dialect === "postgres" ? "skipped" : false]);
      const [storedOne, storedMany] = [await db.runs.load(WS, one.run.uuid), await db.runs.load(WS, many.run.uuid)];
      expect(storedMany?.run.recordTitle).toBe(storedOne?.run.recordTitle);
      expect(storedMany?.run.errorMessage).toBe(storedOne?.run.errorMessage);
      expect(storedMany?.run.status).toBe("error");
    });

    it("stores each JSON column's text as the one-row statements do, whatever JSON it holds", async () => {
      const jsonColumns = "output_json, outputs_json, computed_configs_json, executions_json, data_json, nodes_json";
      const stored = (uuid: string) => db.client.get<Record<string, string | null>>(`SELECT ${jsonColumns} FROM runs WHERE uuid = ?`, [uuid]);
      // Scalars (a string stays a string), nulls, an escaped backslash before a "u", and escapes json_to_recordset refuses.
      const kinds = [
        { outputs: { "n-start": "just text" }, computedConfigs: { "n-start": 42 }, output: null },
        { outputs: { "n-start": null, "n-b": [true, "x\\u0041"] }, computedConfigs: { "n-start": { path: "C:\\users" } }, output: { text: "é \u00e9" } },
        { outputs: { "n-start": "\u0000" }, computedConfigs: { "n-start": "\ud800 alone" }, output: { a: "\u0000\ud800" } },
      ];
      const ended = (kind: (typeof kinds)[number]): StoredRunState => {
        const state = makeRunState({ run: { data: { text: "line\nbreak \"q\"" } }, outputs: kind.outputs, computedConfigs: kind.computedConfigs });
        return { ...state, run: { ...state.run, output: kind.output, status: "success" } };
      };
      const [one, many] = [kinds.map(ended), kinds.map(ended)];
      for (const state of one) await db.runs.create(state);
      await db.runs.createMany(many.map((state) => ({ state })));
      // Saved in one statement over a pending row: the same again.
      const saved = kinds.map(ended);
      await db.runs.createMany(saved.map((state) => ({ state: { ...state, outputs: {}, computedConfigs: {}, run: { ...state.run, status: "pending", output: null } } })));
      expect(await db.runs.saveMany(saved.map((state) => ({ state })))).toEqual([true, true, true]);
      for (const [index, alone] of one.entries()) {
        for (const state of [many[index]!, saved[index]!]) {
          expect(await db.runs.load(WS, state.run.uuid)).toEqual(state);
          expect(await stored(state.run.uuid)).toEqual(await stored(alone.run.uuid));
        }
      }
    });

    it.runIf(process.env.TEST_POSTGRES_URL)("waits for no row another transaction holds: that run is saved alone once it is let go", async () => {
      const [first, held, free] = [makeRunState({ run: { status: "running" } }), makeRunState({ run: { status: "running" } }), makeRunState({ run: { status: "running" } })];
      await db.runs.createMany([{ state: first, lease }, { state: held, lease }, { state: free, lease }]);
      let letGo!: () => void;
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holding = db.client.transaction(async (tx) => {
        await tx.all("SELECT uuid FROM runs WHERE uuid = ? FOR UPDATE", [held.run.uuid]);
        locked();
        await new Promise<void>((resolve) => (letGo = resolve));
      });
      await isLocked;

      expect(await db.runs.saveMany([{ state: ended(held), leaseOwner: OWNER }, { state: ended(free, "running"), leaseOwner: OWNER }])).toEqual(["skipped", true]);

      // The first save goes alone; the two after it share a statement, which skips the held run:
      // that one is saved alone, waiting for the lock, and the other does not wait with it.
      const writes = coalescedRunWrites(db.runs);
      const saves = [writes.save(ended(first), OWNER), writes.save(ended(held), OWNER), writes.save(ended(free), OWNER)];
      const settled = await Promise.race([saves[2]!.then(() => "free saved"), new Promise((resolve) => setTimeout(() => resolve("timed out"), 2_000))]);
      expect(settled).toBe("free saved");
      letGo();
      await holding;
      expect(await Promise.all(saves)).toEqual([true, true, true]);
      expect(await db.runs.load(WS, held.run.uuid)).toEqual(ended(held));
    });
  });
});
