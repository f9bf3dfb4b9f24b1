import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { createMemoryRunStore } from "./memory-run-store";
import type { EngineDeps, RunState, RunStore } from "./ports";
import { createRunQueue } from "./run-queue";
import { createRunSystem } from "./run-system";
import { createFakeClock, type FakeClock } from "./testing/fake-clock";

// The real walker and queue over the in-memory store, with a clock that moves only when told.
const ws = "00000000-0000-4000-8000-000000000001";
const HOUR = 60 * 60_000;
let lastId = 0;

function makeEngine({
  store = createMemoryRunStore(),
  clock = createFakeClock(),
  execute = async () => ({ outcome: "executed", data: {} }),
}: { store?: RunStore & { all(): RunState[] }; clock?: FakeClock; execute?: EngineDeps["actions"]["execute"] } = {}) {
  const deps: EngineDeps = {
    store,
    actions: { execute, policies: async () => ({}), runsNative: () => false },
    expressions: { evaluateConfig: async (config) => structuredClone(config) },
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++lastId).padStart(12, "0")}` },
    random: () => 0.5,
  };
  const system = createRunSystem(deps);
  const queue = createRunQueue({ system, store, concurrency: 1 });
  const create = async (nodes: WorkflowNode[]) => (await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} })).run.uuid;
  const stored = (uuid: string) => store.all().find((state) => state.run.uuid === uuid)!;
  return { store, clock, system, queue, create, stored };
}

const node = (uuid: string, actionSlug: string, children: string[], config: Record<string, unknown> = {}): WorkflowNode =>
  ({ uuid, slug: uuid, kind: "native", actionSlug, config, childrenUuids: children, fallbackOnFailure: false, position: { x: 0, y: 0 } }) as WorkflowNode;
const waitAnHour = [node("start", "start", ["wait"]), node("wait", "delay", ["end"], { minutes: 60 }), node("end", "end", [])];
const straight = [node("start", "start", ["end"]), node("end", "end", [])];
const path = (state: RunState) => state.run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`);

/** The promise's value, or a failure if it takes longer than a real second (the old queue never got there). */
function within<T>(promise: Promise<T>, ms = 1_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves once the run is parked on its delay: saved `running` with the clock holding its wake-up. */
async function parked(engine: ReturnType<typeof makeEngine>, uuid: string) {
  await expect.poll(() => engine.stored(uuid).run.executions.at(-1)?.nodeSlug, { timeout: 1_000 }).toBe("wait");
  await expect.poll(() => engine.queue.active, { timeout: 1_000 }).toBe(0);
}

describe("a long delay does not hold a queue slot", () => {
  it("with one slot, a run waiting an hour lets another run finish, then finishes once the hour has passed", async () => {
    const engine = makeEngine();
    const slow = await engine.create(waitAnHour);
    const quick = await engine.create(straight);
    const slowDone = engine.queue.enqueue(ws, slow);
    expect((await within(engine.queue.enqueue(ws, quick)))!.run.status).toBe("success");

    await parked(engine, slow);
    expect(engine.stored(slow).run.status).toBe("running");
    expect(engine.stored(slow).cursorNodeUuid).toBe("wait");
    expect(engine.clock.pending()).toEqual([Date.parse(engine.stored(slow).run.executions[1]!.startedAt) + HOUR]);

    await engine.clock.advance(HOUR - 60_000);
    expect(engine.stored(slow).run.status).toBe("running");
    await engine.clock.advance(60_000);
    const done = (await within(slowDone))!;
    expect(done.run.status).toBe("success");
    expect(path(done)).toEqual(["start:success", "wait:success", "end:success"]);
    expect(done.run.executions[1]!.finishedAt).toBe(new Date(Date.parse(done.run.executions[1]!.startedAt) + HOUR).toISOString());
  });

  it("cancelling a waiting run ends it cancelled, and the hour passing never resumes it", async () => {
    const engine = makeEngine();
    const slow = await engine.create(waitAnHour);
    const slowDone = engine.queue.enqueue(ws, slow);
    await parked(engine, slow);
    expect((await within(engine.queue.enqueue(ws, await engine.create(straight))))!.run.status).toBe("success");

    expect(await engine.system.cancelRuns(ws, [slow])).toEqual([slow]);
    const cancelled = (await within(slowDone))!;
    expect(cancelled.run.status).toBe("cancelled");
    expect(path(cancelled)).toEqual(["start:success", "wait:cancelled"]);
    expect(engine.clock.pending()).toEqual([]);

    await engine.clock.advance(2 * HOUR);
    await within(engine.queue.idle());
    expect(path(engine.stored(slow))).toEqual(["start:success", "wait:cancelled"]);
    expect(engine.stored(slow).run.status).toBe("cancelled");
  });

  it("a run cancelled after its delay was due, while it waited for a slot, ends with the delay cancelled", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const engine = makeEngine({ execute: async () => (await held, { outcome: "executed", data: {} }) });
    const slow = await engine.create(waitAnHour);
    const slowDone = engine.queue.enqueue(ws, slow);
    await parked(engine, slow);
    // Another run takes the only slot and holds it in an action call.
    const hold = { ...node("hold", "lookup", ["end"]), kind: "connector", integrationSlug: "demo", connectorUuid: "c1" } as WorkflowNode;
    const blockerDone = engine.queue.enqueue(ws, await engine.create([node("start", "start", ["hold"]), hold, node("end", "end", [])]));
    await expect.poll(() => engine.queue.active, { timeout: 1_000 }).toBe(1);

    await engine.clock.advance(HOUR);
    expect(await engine.system.cancelRuns(ws, [slow])).toEqual([slow]);
    release();
    expect((await within(blockerDone))!.run.status).toBe("success");
    const cancelled = (await within(slowDone))!;
    expect(cancelled.run.status).toBe("cancelled");
    expect(path(cancelled)).toEqual(["start:success", "wait:cancelled"]);
  });

  it("after a restart, the waiting run is resumed without a slot and waits only what is left", async () => {
    const before = makeEngine();
    const slow = await before.create(waitAnHour);
    void before.queue.enqueue(ws, slow);
    await parked(before, slow);
    await before.clock.advance(20 * 60_000);
    // The process dies: its clock never moves again. A new one starts over the same store, 20 min later.
    const after = makeEngine({ store: before.store, clock: createFakeClock(before.clock.now().getTime()) });
    expect(await after.queue.resumeUnfinished()).toBe(1);
    await parked(after, slow);
    expect((await within(after.queue.enqueue(ws, await after.create(straight))))!.run.status).toBe("success");

    await after.clock.advance(40 * 60_000 - 1_500);
    expect(after.stored(slow).run.status).toBe("running");
    await after.clock.advance(1_500);
    await within(after.queue.idle());
    expect(after.stored(slow).run.status).toBe("success");
    expect(path(after.stored(slow))).toEqual(["start:success", "wait:success", "end:success"]);
  });
});

describe("with leases", () => {
  /** The real run system over the memory store, a queue of one slot with fake leases, and a node whose call hangs until aborted or `letGo`. */
  function leasedEngine(claim: (uuid: string) => Promise<boolean> = async () => true) {
    const called: string[] = [];
    let letGo = () => {};
    const blocked = new Promise<void>((resolve) => (letGo = resolve));
    const execute: EngineDeps["actions"]["execute"] = async (call) => {
      called.push(call.runUuid);
      await Promise.race([blocked, new Promise((resolve) => call.signal.addEventListener("abort", resolve))]);
      return { outcome: "executed", data: {} };
    };
    const store = createMemoryRunStore();
    const deps: EngineDeps = {
      store,
      actions: { execute, policies: async () => ({}), runsNative: () => true },
      expressions: { evaluateConfig: async (config) => structuredClone(config) },
      clock: createFakeClock(),
      ids: { uuid: () => `00000000-0000-4000-8000-${String(++lastId).padStart(12, "0")}` },
      random: () => 0.5,
    };
    const system = createRunSystem(deps);
    const released: string[] = [];
    const leases = {
      claim,
      renew: async (uuids: readonly string[]) => [...uuids],
      release: async (uuid: string) => void released.push(uuid),
      listClaimable: async () => [],
    };
    const queue = createRunQueue({ system, store, concurrency: 1, leases });
    const calling = [node("start", "start", ["call"]), node("call", "httpRequest", ["end"]), node("end", "end", [])];
    const create = async () => (await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes: calling, data: {} })).run.uuid;
    const executions = (uuid: string) => store.all().find((state) => state.run.uuid === uuid)!.run.executions;
    return { queue, called, released, letGo, create, executions };
  }

  it("a claimed run still waiting for a slot when it is handed back calls none of its nodes here", async () => {
    const engine = leasedEngine();
    const [first, second] = [await engine.create(), await engine.create()];
    const walks = [engine.queue.enqueue(ws, first), engine.queue.enqueue(ws, second)];
    await expect.poll(() => engine.called, { timeout: 1_000 }).toEqual([first]);
    expect(await within(engine.queue.stop(0), 5_000)).toBe(2);
    await within(Promise.all(walks), 5_000);
    engine.letGo();
    // The second run got its slot only after the hand-back: it did not walk, and is left for another process.
    expect(engine.called).toEqual([first]);
    expect(engine.released.sort()).toEqual([first, second].sort());
    expect(engine.executions(second)).toEqual([]);
  });

  it("a run whose claim comes back after stop began is given back at once, not walked", async () => {
    let grant = (_granted: boolean) => {};
    const engine = leasedEngine(() => new Promise((resolve) => (grant = resolve)));
    const uuid = await engine.create();
    const walk = engine.queue.enqueue(ws, uuid);
    // Nothing is held yet, but the claim is in flight: stop waits for it.
    const stopped = engine.queue.stop(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    grant(true);
    expect(await within(stopped)).toBe(0);
    // Given back before stop returned (the database closes after it).
    expect(engine.released).toEqual([uuid]);
    expect(await within(walk)).toBeNull();
    expect(engine.called).toEqual([]);
  });
});
