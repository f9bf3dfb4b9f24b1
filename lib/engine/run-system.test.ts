import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { createMemoryRunStore } from "./memory-run-store";
import type { ActionAnswer, ActionCall, EngineDeps } from "./ports";
import { createRunQueue } from "./run-queue";
import { PermanentNodeError } from "./errors";
import { createRunSystem } from "./run-system";
import { createFakeClock } from "./testing/fake-clock";
import { PROGRESS_SAVE_INTERVAL_MS, SAVE_RUNNING_AFTER_MS } from "./walk-saves";

// The walker with fake ports: literal configs only, actions answered by a function.
const literalExpressions = { evaluateConfig: async (config: Record<string, unknown>) => structuredClone(config) };

function makeEngine(answer: (call: ActionCall) => Promise<ActionAnswer>, clock = createFakeClock()) {
  let id = 0;
  const store = createMemoryRunStore();
  const calls: ActionCall[] = [];
  const deps: EngineDeps = {
    store,
    actions: { execute: (call) => (calls.push(call), answer(call)), policies: async () => ({}), runsNative: (slug) => slug === "httpRequest" },
    expressions: literalExpressions,
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}` },
    random: () => 0.25,
  };
  const system = createRunSystem(deps);
  return { store, system, calls, deps, clock, queue: createRunQueue({ system, store, concurrency: 2 }) };
}

const node = (uuid: string, actionSlug: string, children: string[], extra: Partial<WorkflowNode> = {}): WorkflowNode =>
  ({ uuid, slug: uuid, kind: "native", actionSlug, config: {}, childrenUuids: children, fallbackOnFailure: false, position: { x: 0, y: 0 }, ...extra }) as WorkflowNode;
const ws = "00000000-0000-4000-8000-000000000001";

describe("the run walker with fake ports", () => {
  it("splits by the random source and records the variant", async () => {
    const { system } = makeEngine(async () => ({ outcome: "executed", data: {} }));
    const nodes = [node("start", "start", ["split"]), node("split", "split", ["a", "b"], { config: { percentage: 30 } }), node("a", "end", []), node("b", "end", [])];
    const state = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    const done = await system.executeRun(ws, state.run.uuid);
    expect(done.run.executions.map((execution) => execution.nodeSlug)).toEqual(["start", "split", "a"]);
    expect(done.outputs.split).toEqual({ variant: "A" });
  });

  it("resumes a run that died mid-node: the node is called again with the same Idempotency-Key, finished nodes are not", async () => {
    const first = makeEngine(async () => ({ outcome: "executed", data: { ok: true } }));
    const nodes = [node("start", "start", ["http"]), node("http", "httpRequest", ["end"]), node("end", "end", [])];
    const state = await first.system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    // The process "dies" right after the call returned, while its result was being saved: that save never returns.
    const save = first.store.save;
    let died = () => {};
    const dead = new Promise<void>((resolve) => (died = resolve));
    first.store.save = async (next) => {
      if (!next.run.executions.some((execution) => execution.nodeUuid === "http" && execution.status === "success")) return save(next);
      died();
      return new Promise<boolean>(() => {});
    };
    void first.system.executeRun(ws, state.run.uuid);
    await dead;
    first.store.save = save;

    const second = createRunSystem({ ...makeEngine(async () => ({ outcome: "executed", data: {} })).deps, store: first.store, actions: first.deps.actions });
    const done = await second.executeRun(ws, state.run.uuid);
    expect(done.run.status).toBe("success");
    expect(done.run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`)).toEqual(["start:success", "http:success", "end:success"]);
    expect(first.calls.map((call) => call.idempotencyKey)).toEqual([`${state.run.uuid}:http`, `${state.run.uuid}:http`]);
  });

  it("writes a run of quick nodes once, when it ends; a node that takes a while is saved running meanwhile", async () => {
    let finishCall = () => {};
    const { system, store, clock } = makeEngine(async (call) => {
      if (call.config.slow) await new Promise<void>((resolve) => (finishCall = resolve));
      return { outcome: "executed", data: { ok: true } };
    });
    const saved: string[][] = [];
    const save = store.save;
    store.save = async (state) => (saved.push(state.run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`)), save(state));
    const quick = [node("start", "start", ["vars"]), node("vars", "variables", ["http"]), node("http", "httpRequest", ["end"]), node("end", "end", [])];
    const state = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes: quick, data: {} });
    expect((await system.executeRun(ws, state.run.uuid)).run.status).toBe("success");
    expect(saved).toEqual([["start:success", "vars:success", "http:success", "end:success"]]);

    saved.length = 0;
    const slow = [node("start", "start", ["http"]), node("http", "httpRequest", ["end"], { config: { slow: true } }), node("end", "end", [])];
    const second = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes: slow, data: {} });
    const done = system.executeRun(ws, second.run.uuid);
    await clock.advance(SAVE_RUNNING_AFTER_MS - 1);
    expect(saved).toEqual([]);
    await clock.advance(1);
    expect(saved).toEqual([["start:success", "http:running"]]);
    expect((await store.load(ws, second.run.uuid))!.run.status).toBe("running");
    finishCall();
    expect((await done).run.status).toBe("success");
    expect(saved).toEqual([["start:success", "http:running"], ["start:success", "http:success", "end:success"]]);
    // Nothing is left waiting to save once the node has ended.
    expect(clock.pending()).toEqual([]);
  });

  it("a run cancelled before its first save keeps what it did: the quick nodes before, the call in flight cancelled", async () => {
    let called = () => {};
    const calling = new Promise<void>((resolve) => (called = resolve));
    const { system, store } = makeEngine(async (call) => {
      called();
      // Answers only when aborted, as a call in flight does.
      return new Promise((_, reject) => call.signal.addEventListener("abort", () => reject(call.signal.reason)));
    });
    const nodes = [node("start", "start", ["vars"]), node("vars", "variables", ["http"]), node("http", "httpRequest", ["end"]), node("end", "end", [])];
    const state = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    const done = system.executeRun(ws, state.run.uuid);
    await calling;
    // Nothing saved yet: the call has been in flight for less than SAVE_RUNNING_AFTER_MS.
    expect((await store.load(ws, state.run.uuid))!.run.executions).toEqual([]);
    expect(await system.cancelRuns(ws, [state.run.uuid])).toEqual([state.run.uuid]);
    const cancelled = await done;
    const stored = (await store.load(ws, state.run.uuid))!;
    for (const seen of [cancelled, stored]) {
      expect(seen.run.status).toBe("cancelled");
      expect(seen.run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`)).toEqual(["start:success", "vars:success", "http:cancelled"]);
    }
  });

  it("a run adopted while every slot is busy and cancelled meanwhile calls nothing once a slot frees", async () => {
    let free = () => {};
    const busy = new Promise<void>((resolve) => (free = resolve));
    const { system, store, queue, calls } = makeEngine(async (call) => {
      if (call.config.block) await busy;
      return { outcome: "executed", data: {} };
    });
    const blocking = [node("start", "start", ["http"]), node("http", "httpRequest", ["end"], { config: { block: true } }), node("end", "end", [])];
    const quick = [node("start", "start", ["http"]), node("http", "httpRequest", ["end"]), node("end", "end", [])];
    const blockers = [await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes: blocking, data: {} }), await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes: blocking, data: {} })];
    const running = blockers.map((state) => queue.adopt(state, system.reserve(state.run.uuid)));
    await expect.poll(() => calls.length).toBe(2);
    const waiting = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes: quick, data: {} });
    const done = queue.adopt(waiting, system.reserve(waiting.run.uuid));
    expect(await system.cancelRuns(ws, [waiting.run.uuid])).toEqual([waiting.run.uuid]);
    free();
    await Promise.all(running);
    expect((await done)!.run.status).toBe("cancelled");
    expect(calls.filter((call) => call.runUuid === waiting.run.uuid)).toEqual([]);
    expect((await store.load(ws, waiting.run.uuid))!.run.status).toBe("cancelled");
  });

  it("a run adopted once the queue is stopping is not walked, and is forgotten", async () => {
    const { system, queue, calls } = makeEngine(async () => ({ outcome: "executed", data: {} }));
    await queue.stop(0);
    const state = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes: [node("start", "start", ["http"]), node("http", "httpRequest", [])], data: {} });
    expect(await queue.adopt(state, system.reserve(state.run.uuid))).toBeNull();
    expect(system.isRunning(state.run.uuid)).toBe(false);
    expect(calls).toEqual([]);
  });

  it("a save still in flight when the run ends lands before the ending one", async () => {
    let finishCall = () => {};
    // The node fails without fallback: the walk goes straight to its ending, with no progress save between.
    const { system, store, clock } = makeEngine(async () => {
      await new Promise<void>((resolve) => (finishCall = resolve));
      throw new PermanentNodeError("the server said no");
    });
    const save = store.save;
    let releaseSlowSave = () => {};
    let slow = true;
    // The first save (the node saved running) takes until released; later ones are quick.
    store.save = async (state) => {
      const snapshot = structuredClone(state);
      if (slow) {
        slow = false;
        await new Promise<void>((resolve) => (releaseSlowSave = resolve));
      }
      return save(snapshot);
    };
    const nodes = [node("start", "start", ["http"]), node("http", "httpRequest", ["end"]), node("end", "end", [])];
    const state = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    const done = system.executeRun(ws, state.run.uuid);
    await clock.advance(SAVE_RUNNING_AFTER_MS);
    finishCall();
    await clock.advance(0);
    releaseSlowSave();
    expect((await done).run.status).toBe("error");
    expect((await store.load(ws, state.run.uuid))!.run.status).toBe("error");
  });

  it("saves what a split drew before a node with IO acts on it, so a resumed run does not draw again", async () => {
    const events: string[] = [];
    const { system, store } = makeEngine(async (call) => (events.push(`call ${call.idempotencyKey.split(":")[1]}`), { outcome: "executed", data: {} }));
    const save = store.save;
    store.save = async (state) => (events.push(`save ${state.run.executions.map((execution) => execution.nodeSlug).join(",")}`), save(state));
    const nodes = [node("start", "start", ["split"]), node("split", "split", ["a", "b"], { config: { percentage: 30 } }), node("a", "httpRequest", ["end"]), node("b", "httpRequest", ["end"]), node("end", "end", [])];
    const state = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    expect((await system.executeRun(ws, state.run.uuid)).run.status).toBe("success");
    // Saved with the next node already running: the draw, and where it led.
    expect(events).toEqual(["save start,split,a", "call a", "save start,split,a,end"]);
  });

  it("saves a long walk of quick nodes at least every PROGRESS_SAVE_INTERVAL_MS", async () => {
    const clock = createFakeClock();
    // Each call takes a fifth of the interval: under SAVE_RUNNING_AFTER_MS, so no node is saved running.
    const step = PROGRESS_SAVE_INTERVAL_MS / 5;
    expect(step).toBeLessThan(SAVE_RUNNING_AFTER_MS);
    const { system, store } = makeEngine(async () => (await clock.advance(step), { outcome: "executed", data: {} }), clock);
    const saved: string[] = [];
    const save = store.save;
    store.save = async (state) => (saved.push(state.run.executions.filter((execution) => execution.status === "success").map((execution) => execution.nodeSlug).join(",")), save(state));
    const nodes = [node("start", "start", ["h1"]), ...[1, 2, 3, 4, 5, 6].map((index) => node(`h${index}`, "httpRequest", [index < 6 ? `h${index + 1}` : "end"])), node("end", "end", [])];
    const state = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    expect((await system.executeRun(ws, state.run.uuid)).run.status).toBe("success");
    expect(saved).toEqual(["start,h1,h2,h3,h4,h5", "start,h1,h2,h3,h4,h5,h6,end"]);
  });

  it("runs at most `concurrency` runs at once and cancels a queued one before it starts", async () => {
    let running = 0;
    let peak = 0;
    const { system, queue, store } = makeEngine(async () => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return { outcome: "executed", data: {} };
    });
    const nodes = [node("start", "start", ["http"]), node("http", "httpRequest", ["end"]), node("end", "end", [])];
    const uuids: string[] = [];
    for (let index = 0; index < 5; index++) uuids.push((await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} })).run.uuid);
    await system.cancelRuns(ws, [uuids[4]!]);
    expect(await queue.resumeUnfinished()).toBe(4);
    await queue.idle();
    expect(peak).toBe(2);
    const statuses = store.all().map((state) => state.run.status);
    expect(statuses.filter((status) => status === "success")).toHaveLength(4);
    expect(statuses.filter((status) => status === "cancelled")).toHaveLength(1);
  });
});
