import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { callUntilExecuted, withRetries } from "./action-attempts";
import {
  MAX_EXECUTING_CALLS,
  MAX_EXECUTIONS_PER_RUN,
  MAX_GROUP_ITEM_WALKS,
  MAX_OUTPUT_BYTES,
  MAX_OUTPUT_DEPTH,
  MAX_RETRY_ATTEMPTS,
  MAX_RETRY_INTERVAL_MS,
  MIN_RETRY_INTERVAL_MS,
} from "./limits";
import { createMemoryRunStore } from "./memory-run-store";
import type { ActionAnswer, ActionCall, ActionPolicies, EngineDeps } from "./ports";
import { MAX_DELAY_MINUTES } from "./delay";
import { createRunSystem } from "./run-system";
import { assertStorable } from "./storable";
import { createFakeClock } from "./testing/fake-clock";

// Each cap of limits.ts, through the real walker with literal configs and actions answered by a function.
const ws = "00000000-0000-4000-8000-000000000001";
const deep = (levels: number) => JSON.parse("[".repeat(levels) + "]".repeat(levels)) as unknown;

function makeEngine(answer: (call: ActionCall) => Promise<ActionAnswer>, policies: ActionPolicies = {}) {
  let id = 0;
  const store = createMemoryRunStore();
  const clock = createFakeClock();
  const calls: ActionCall[] = [];
  const deps: EngineDeps = {
    store,
    actions: { execute: (call) => (calls.push(call), answer(call)), policies: async () => policies, runsNative: (slug) => slug === "httpRequest" },
    expressions: { evaluateConfig: async (config) => structuredClone(config) },
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}` },
    random: () => 0.5,
  };
  const system = createRunSystem(deps);
  /** Runs the graph to its end, moving the fake clock (an hour at most) so retries and polls go on. */
  const run = async (nodes: WorkflowNode[]) => {
    const created = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    const done = system.executeRun(ws, created.run.uuid);
    await clock.advance(60 * 60_000);
    return done;
  };
  return { store, clock, calls, deps, system, run };
}

const node = (slug: string, actionSlug: string, children: string[], config: Record<string, unknown> = {}, extra: Partial<WorkflowNode> = {}): WorkflowNode =>
  ({ uuid: slug, slug, kind: "native", actionSlug, config, childrenUuids: children, fallbackOnFailure: false, position: { x: 0, y: 0 }, ...extra }) as WorkflowNode;
const http = (extra: Partial<WorkflowNode> = {}) => node("http", "httpRequest", ["end"], { method: "GET", url: "https://example.com" }, extra);
const around = (middle: WorkflowNode) => [node("start", "start", [middle.slug]), middle, node("end", "end", [])];
const path = (state: { run: { executions: Array<{ nodeSlug: string; status: string }> } }) => state.run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`);

describe("outputs a run can store", () => {
  it("refuses a 100,000-deep value without overflowing the stack, and keeps 64 levels", () => {
    expect(() => assertStorable("The output", deep(100_000))).toThrow(`The output is nested more than ${MAX_OUTPUT_DEPTH} levels deep, the most a run keeps`);
    expect(() => assertStorable("The output", deep(MAX_OUTPUT_DEPTH + 1))).toThrow(/nested more than/);
    expect(() => assertStorable("The output", { a: deep(MAX_OUTPUT_DEPTH - 1) })).not.toThrow();
  });

  it("refuses a value over 5 MB as JSON, one that contains itself, and one that is not JSON", () => {
    expect(() => assertStorable("The output", "x".repeat(MAX_OUTPUT_BYTES))).toThrow("The output is 5.0 MB as JSON; a run keeps at most 5 MB per node");
    const looped: Record<string, unknown> = {};
    looped.self = looped;
    expect(() => assertStorable("The output", looped)).toThrow(/nested more than/);
    expect(() => assertStorable("The output", { n: 1n })).toThrow(/^The output cannot be stored as JSON: /);
    expect(() => assertStorable("The output", undefined)).not.toThrow();
  });

  it("an action answering 100,000-deep data fails its node and the run, and the output is not kept", async () => {
    const engine = makeEngine(async () => ({ outcome: "executed", data: deep(100_000) }));
    const done = await engine.run(around(http()));
    expect(done.run.status).toBe("error");
    expect(done.run.errorMessage).toBe(`http: The output is nested more than ${MAX_OUTPUT_DEPTH} levels deep, the most a run keeps`);
    expect(path(done)).toEqual(["start:success", "http:error"]);
    expect(done.outputs).not.toHaveProperty("http");
    expect(engine.store.all()[0]!.run.status).toBe("error");
  });

  it("a computed config over the cap fails its node before any call", async () => {
    const engine = makeEngine(async () => ({ outcome: "executed", data: {} }));
    const done = await engine.run(around(http({ config: { method: "POST", url: "https://example.com", body: "x".repeat(MAX_OUTPUT_BYTES) } })));
    expect(done.run.errorMessage).toMatch(/^http: The computed config is 5\.0 MB as JSON/);
    expect(engine.calls).toHaveLength(0);
  });
});

/** Makes the store refuse ("disk full") every state in which the http node has succeeded; answers the real save. */
function refuseAfterHttp(engine: ReturnType<typeof makeEngine>) {
  const save = engine.store.save;
  engine.store.save = async (state) => {
    if (state.run.executions.some((execution) => execution.nodeSlug === "http" && execution.status === "success")) throw new Error("disk full");
    return save(state);
  };
  return save;
}

describe("a state the store refuses", () => {
  it("ends the run error from its last saved state, and a restart calls nothing again", async () => {
    const engine = makeEngine(async () => ({ outcome: "executed", data: { ok: true } }));
    const save = refuseAfterHttp(engine);
    const done = await engine.run(around(http()));
    expect(done.run.status).toBe("error");
    // The refused save is the ending one (a quick run writes only then): the last saved state is the run as created.
    expect(done.run.errorMessage).toBe("The run's state could not be saved (disk full)");
    expect(path(done)).toEqual([]);
    expect(done.run.finishedAt).not.toBeNull();

    engine.store.save = save;
    expect(await engine.store.listUnfinished()).toEqual([]);
    const restarted = createRunSystem(engine.deps);
    expect((await restarted.executeRun(ws, done.run.uuid)).run.status).toBe("error");
    expect(engine.calls).toHaveLength(1);
  });
});

describe("a state the store refuses after a node was saved running", () => {
  it("ends that node error too, named in the run's message", async () => {
    // The call takes a minute: the walk saves it running meanwhile, then the ending save is refused.
    const engine = makeEngine(async () => (await engine.clock.sleep(60_000), { outcome: "executed", data: { ok: true } }));
    refuseAfterHttp(engine);
    const done = await engine.run(around(http()));
    expect(done.run.errorMessage).toBe("http: The run's state could not be saved (disk full)");
    expect(path(done)).toEqual(["start:success", "http:error"]);
    expect(engine.calls).toHaveLength(1);
  });
});

describe("retries and polls", () => {
  it(`retries at most ${MAX_RETRY_ATTEMPTS} times in all, for 0 ("unlimited") or a huge maximumAttempts`, async () => {
    for (const maximumAttempts of [0, 1_000_000]) {
      const engine = makeEngine(async () => Promise.reject(new Error("busy")), { retry: { maximumAttempts, initialInterval: 0, backoffCoefficient: 1 } });
      const done = await engine.run(around(http()));
      expect(done.run.errorMessage).toBe("http: busy");
      expect(engine.calls).toHaveLength(MAX_RETRY_ATTEMPTS);
      expect(done.run.executions[1]!.attempts).toBe(MAX_RETRY_ATTEMPTS);
    }
  });

  it(`waits at least ${MIN_RETRY_INTERVAL_MS} ms between attempts and at most ${MAX_RETRY_INTERVAL_MS / 60_000} min`, async () => {
    const clock = createFakeClock();
    const at: number[] = [];
    const failing = () => (at.push(clock.now().getTime()), Promise.reject(new Error("busy")));
    const retried = withRetries(failing, { maximumAttempts: 3, initialInterval: 0, backoffCoefficient: 1 }, { clock });
    const settled = retried.catch((error: unknown) => error);
    await clock.advance(10_000);
    expect(await settled).toMatchObject({ message: "busy" });
    expect(at.slice(1).map((time, index) => time - at[index]!)).toEqual([MIN_RETRY_INTERVAL_MS, MIN_RETRY_INTERVAL_MS]);

    at.length = 0;
    const slow = withRetries(failing, { maximumAttempts: 2, initialInterval: 24 * 60 * 60_000, backoffCoefficient: 1 }, { clock }).catch((error: unknown) => error);
    await clock.advance(MAX_RETRY_INTERVAL_MS);
    await slow;
    expect(at[1]! - at[0]!).toBe(MAX_RETRY_INTERVAL_MS);
  });

  it(`polls an action that keeps answering executing at most ${MAX_EXECUTING_CALLS} times, even when its manifest says 0`, async () => {
    const engine = makeEngine(async () => ({ outcome: "executing" }), { executing: { maximumAttempts: 0, initialInterval: 0, backoffCoefficient: 1 } });
    const done = await engine.run(around(http()));
    expect(done.run.errorMessage).toBe(`http: The action was still executing after ${MAX_EXECUTING_CALLS} calls`);
    expect(engine.calls).toHaveLength(MAX_EXECUTING_CALLS);

    const clock = createFakeClock();
    let calls = 0;
    const polled = callUntilExecuted(async () => (++calls < 3 ? { outcome: "executing" } : { outcome: "executed", data: 1 }), { initialInterval: 0 }, { clock });
    await clock.advance(1_000);
    expect(await polled).toEqual({ outcome: "executed", data: 1 });
  });
});

describe("groups and executions", () => {
  const chain = (length: number) => {
    const slugs = Array.from({ length }, (_, index) => `v${index}`);
    return [
      node("start", "start", [slugs[0]!]),
      ...slugs.map((slug, index) => node(slug, "variables", [slugs[index + 1] ?? "end"])),
      node("end", "end", []),
    ].map((entry) => ({ ...entry, uuid: `sub-${entry.uuid}`, childrenUuids: entry.childrenUuids.map((child) => `sub-${child}`) }));
  };

  it(`ends the run at ${MAX_EXECUTIONS_PER_RUN.toLocaleString("en-US")} executions, whatever fallback the node has`, async () => {
    const engine = makeEngine(async () => ({ outcome: "executed", data: {} }));
    // 1,000 items of 11 nodes each would be 11,000 executions.
    const each = node("each", "group", ["end"], { items: Array.from({ length: 1_000 }, (_, index) => index), _nodes: chain(9) }, { fallbackOnFailure: true });
    const done = await engine.run(around(each));
    expect(done.run.status).toBe("error");
    expect(done.run.errorMessage).toBe("each: The run reached 10,000 node executions, the most one run may have");
    expect(done.run.executions).toHaveLength(MAX_EXECUTIONS_PER_RUN);
    expect(done.run.executions[1]).toMatchObject({ nodeSlug: "each", status: "error", nextNodeUuid: null });
    expect(done.run.executions.filter((execution) => execution.status === "running")).toEqual([]);
  });

  it(`fails a nested group that would take the item walks past ${MAX_GROUP_ITEM_WALKS.toLocaleString("en-US")}, before it starts`, async () => {
    const engine = makeEngine(async () => ({ outcome: "executed", data: {} }));
    // Each inner item walks a lone start: one execution per walk, so the executions cap stays out of reach.
    const inner = node("inner", "group", ["end"], { items: Array.from({ length: 1_000 }, (_, index) => index), _nodes: [{ ...node("start", "start", []), uuid: "sub-start" }] });
    const itemGraph = [node("start", "start", ["inner"]), inner, node("end", "end", [])].map((entry) => ({ ...entry, uuid: `item-${entry.uuid}`, childrenUuids: entry.childrenUuids.map((child) => `item-${child}`) }));
    const outer = node("each", "group", ["end"], { items: Array.from({ length: 11 }, (_, index) => index), failOnItemFailure: true, _nodes: itemGraph });
    const done = await engine.run(around(outer));
    expect(done.run.status).toBe("error");
    expect(done.run.errorMessage).toBe(
      "each: Item 9: inner: The group's 1000 items would take its nested groups past 10,000 item walks in all (9,010 so far); nested groups multiply their items",
    );
    expect(done.run.executions.length).toBeLessThan(MAX_EXECUTIONS_PER_RUN);
  });
});

describe("a group's output", () => {
  it(`fails the group as soon as its items' outputs pass ${MAX_OUTPUT_BYTES / 1024 / 1024} MB, not after holding them all`, async () => {
    const engine = makeEngine(async () => ({ outcome: "executed", data: {} }));
    // Each item ends with about 1.2 MB: the fifth takes the group past 5 MB.
    const itemGraph = [node("start", "start", ["end"]), node("end", "end", [], { variables: [{ name: "big", type: "string", value: "x".repeat(1_200_000) }] })].map((entry) => ({
      ...entry,
      uuid: `item-${entry.uuid}`,
      childrenUuids: entry.childrenUuids.map((child) => `item-${child}`),
    }));
    const each = node("each", "group", ["end"], { items: Array.from({ length: 100 }, (_, index) => index), _nodes: itemGraph });
    const done = await engine.run(around(each));
    expect(done.run.status).toBe("error");
    expect(done.run.errorMessage).toBe("each: The group's output is over 5 MB as JSON after 5 of its 100 items; a run keeps at most 5 MB per node");
    expect(done.run.executions.filter((execution) => execution.nodeSlug === "end" && execution.itemIndex !== undefined)).toHaveLength(5);
  });

  it("is not run again by the group's retry when the run's state cannot be saved: the run ends", async () => {
    // Each item's call takes two seconds, so the group saves its progress after the first item, which the store refuses.
    const engine = makeEngine(async () => (await engine.clock.sleep(2_000), { outcome: "executed", data: {} }));
    const save = engine.store.save;
    engine.store.save = async (state) => {
      if (state.run.executions.some((execution) => execution.nodeSlug === "http" && execution.status === "success")) throw new Error("disk full");
      return save(state);
    };
    const itemGraph = [node("start", "start", ["http"]), http(), node("end", "end", [])].map((entry) => ({ ...entry, uuid: `item-${entry.uuid}`, childrenUuids: entry.childrenUuids.map((child) => `item-${child}`) }));
    const each = node("each", "group", ["end"], { items: [1, 2, 3], failOnItemFailure: true, _nodes: itemGraph }, { retry: { maximumAttempts: 5, initialInterval: 1_000, backoffCoefficient: 1 } } as Partial<WorkflowNode>);
    const done = await engine.run(around(each));
    expect(done.run.status).toBe("error");
    expect(done.run.errorMessage).toContain("The run's state could not be saved (disk full)");
    // Item 0's call, once: the group was not tried again.
    expect(engine.calls).toHaveLength(1);
  });
});

describe("delays", () => {
  it(`refuses a delay over a year (${MAX_DELAY_MINUTES.toLocaleString("en-US")} minutes), whose wake time would break its lease`, async () => {
    const engine = makeEngine(async () => ({ outcome: "executed", data: {} }));
    const done = await engine.run(around(node("wait", "delay", ["end"], { minutes: 4.3e9 })));
    expect(done.run.status).toBe("error");
    expect(done.run.errorMessage).toBe("wait: Delay is 4,300,000,000 minutes; at most 527,040 (366 days) are allowed");
  });
});

