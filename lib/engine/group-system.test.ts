import { beforeAll, describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { systemClock } from "./clock";
import { createExpressionEvaluator, type ExpressionEvaluator } from "./expressions";
import { MAX_GROUP_ITEMS } from "./limits";
import { createMemoryRunStore } from "./memory-run-store";
import type { ActionAnswer, ActionCall, Clock, EngineDeps, RunState } from "./ports";
import { createRunSystem } from "./run-system";
import { createFakeClock } from "./testing/fake-clock";

// Group nodes through the real walker and the real expression sandbox; actions answered by a function.
const ws = "00000000-0000-4000-8000-000000000001";
let expressions: ExpressionEvaluator;
let lastId = 0;
beforeAll(async () => {
  expressions = await createExpressionEvaluator();
});

function makeEngine(answer: (call: ActionCall) => Promise<ActionAnswer> = async () => ({ outcome: "executed", data: {} }), clock: Clock = createFakeClock()) {
  const store = createMemoryRunStore();
  const calls: ActionCall[] = [];
  const deps: EngineDeps = {
    store,
    actions: { execute: (call) => (calls.push(call), answer(call)), policies: async () => ({}), runsNative: (slug) => slug === "httpRequest" },
    expressions,
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++lastId).padStart(12, "0")}` },
    random: () => 0.5,
  };
  const system = createRunSystem(deps);
  const run = async (nodes: WorkflowNode[], data: Record<string, unknown> = {}) => {
    const created = await system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data });
    return system.executeRun(ws, created.run.uuid);
  };
  return { store, system, calls, deps, run };
}

const tmpl = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });
const node = (slug: string, actionSlug: string, children: string[], config: Record<string, unknown> = {}, extra: Partial<WorkflowNode> = {}): WorkflowNode =>
  ({ uuid: `uuid-${slug}`, slug, kind: "native", actionSlug, config, childrenUuids: children.map((child) => `uuid-${child}`), fallbackOnFailure: false, position: { x: 0, y: 0 }, ...extra }) as WorkflowNode;
const end = (slug: string, variables: Record<string, unknown>) =>
  node(slug, "end", [], { variables: Object.entries(variables).map(([name, value]) => ({ name, type: "any", value })) });
/** A sub-graph's uuids are prefixed so they cannot collide with the outer graph's. */
const sub = (nodes: WorkflowNode[]) =>
  nodes.map((entry) => ({ ...entry, uuid: `sub-${entry.uuid}`, childrenUuids: entry.childrenUuids.map((child) => (child ? `sub-${child}` : child)) }));
const group = (items: unknown, subNodes: WorkflowNode[], extra: { failOnItemFailure?: boolean } & Partial<WorkflowNode> = {}) => {
  const { failOnItemFailure = false, ...rest } = extra;
  return node("each", "group", ["done"], { items, failOnItemFailure, _nodes: sub(subNodes) }, rest);
};
const outer = (groupNode: WorkflowNode, output: Record<string, unknown> = { results: tmpl("{{nodes.each}}") }) => [
  node("start", "start", ["each"]),
  groupNode,
  end("done", output),
];
const path = (state: RunState) => state.run.executions.map((execution) => `${execution.itemIndex ?? ""}${execution.nodeSlug}:${execution.status}`);

describe("group nodes", () => {
  it("runs the sub-graph once per object item, in order, with its fields on nodes.start and the outer run on parentNodes", async () => {
    const { run } = makeEngine();
    const nodes = [
      node("start", "start", ["prep"]),
      node("prep", "variables", ["each"], { variables: [{ name: "greeting", type: "string", value: "Hello" }] }),
      group(tmpl("{{nodes.start.people}}"), [
        node("start", "start", ["shout"]),
        node("shout", "variables", ["end"], { variables: [{ name: "upper", type: "string", value: tmpl("{{nodes.start.name.toUpperCase()}}") }] }),
        end("end", { line: tmpl("{{parentNodes.prep.greeting}}, {{nodes.shout.upper}} ({{nodes.start.age}})") }),
      ]),
      end("done", { results: tmpl("{{nodes.each}}"), second: tmpl("{{nodes.each[1].line}}") }),
    ];
    const done = await run(nodes, { people: [{ name: "Ada", age: 36 }, { name: "Bob", age: 41 }, { name: "Cy", age: 9 }] });
    expect(done.run.status).toBe("success");
    expect(done.run.output).toEqual({
      results: [{ line: "Hello, ADA (36)" }, { line: "Hello, BOB (41)" }, { line: "Hello, CY (9)" }],
      second: "Hello, BOB (41)",
    });
    expect(path(done)).toEqual([
      "start:success", "prep:success", "each:success",
      "0start:success", "0shout:success", "0end:success",
      "1start:success", "1shout:success", "1end:success",
      "2start:success", "2shout:success", "2end:success",
      "done:success",
    ]);
    expect(done.run.executions[2]!.title).toBe("3 items");
    expect(done.run.executions[3]).toMatchObject({ groupNodeUuid: "uuid-each", itemIndex: 0, nodeUuid: "sub-uuid-start" });
    expect(done.computedConfigs["uuid-each"]).toEqual({ items: [{ name: "Ada", age: 36 }, { name: "Bob", age: 41 }, { name: "Cy", age: 9 }], failOnItemFailure: false });
  });

  it("gives scalar items as nodes.start.value", async () => {
    const { run } = makeEngine();
    const done = await run(outer(group(tmpl("{{nodes.start.numbers}}"), [node("start", "start", ["end"]), end("end", { double: tmpl("{{nodes.start.value * 2}}") })])), { numbers: [1, 2, 3] });
    expect(done.run.output).toEqual({ results: [{ double: 2 }, { double: 4 }, { double: 6 }] });
  });

  it("outputs [] for no items, and null for an item whose path stops before an end", async () => {
    const { run } = makeEngine();
    const subGraph = [node("start", "start", ["keep"]), node("keep", "filter", ["end"], { filter: tmpl("{{nodes.start.value > 1}}") }), end("end", { n: tmpl("{{nodes.start.value}}") })];
    const empty = await run(outer(group([], subGraph)));
    expect(empty.run.status).toBe("success");
    expect(empty.run.output).toEqual({ results: [] });
    expect(empty.run.executions[1]!.title).toBe("0 items");
    const filtered = await run(outer(group([1, 2], subGraph)));
    expect(filtered.run.output).toEqual({ results: [null, { n: 2 }] });
  });

  const failingSub = () => [
    node("start", "start", ["call"]),
    node("call", "httpRequest", ["end"], { url: tmpl("{{nodes.start.value}}") }),
    end("end", { got: tmpl("{{nodes.call.status}}") }),
  ];
  const failOnBad = async (call: ActionCall): Promise<ActionAnswer> => {
    if (call.config.url === "bad") throw Object.assign(new Error("boom"), { retryable: false });
    return { outcome: "executed", data: { status: 200 } };
  };

  it("with failOnItemFailure false, a failed item's entry is {error} and the group succeeds; keys carry the item index", async () => {
    const { run, calls } = makeEngine(failOnBad);
    const done = await run(outer(group(["ok", "bad", "ok"], failingSub())));
    expect(done.run.status).toBe("success");
    expect(done.run.output).toEqual({ results: [{ got: 200 }, { error: "call: boom" }, { got: 200 }] });
    expect(done.run.executions[1]!.title).toBe("3 items, 1 failed");
    expect(path(done)).toContain("1call:error");
    expect(calls.map((call) => call.idempotencyKey)).toEqual([0, 1, 2].map((index) => `${done.run.uuid}:uuid-each:${index}:sub-uuid-call`));
  });

  it("with failOnItemFailure true, a failed item fails the group node, and its fallback rules apply", async () => {
    const { run, calls } = makeEngine(failOnBad);
    const failed = await run(outer(group(["ok", "bad", "ok"], failingSub(), { failOnItemFailure: true })));
    expect(failed.run.status).toBe("error");
    expect(failed.run.errorMessage).toBe("each: Item 1: call: boom");
    expect(calls).toHaveLength(2);

    const continued = await run(outer(group(["bad"], failingSub(), { failOnItemFailure: true, fallbackOnFailure: true }), { results: tmpl("{{nodes.each}}") }));
    expect(continued.run.status).toBe("success");
    expect(continued.run.output).toEqual({ results: { error: "Item 0: call: boom" } });
  });

  it("retries a failed group on the node's retry policy, replacing the earlier attempt's item executions", async () => {
    let calls = 0;
    // The wall clock: the retry waits MIN_RETRY_INTERVAL_MS, which a fake clock would wait for forever.
    const { run } = makeEngine(async () => (++calls === 1 ? Promise.reject(new Error("flaky")) : { outcome: "executed", data: { status: 201 } }), systemClock);
    const retried = { retry: { maximumAttempts: 2, initialInterval: 0, backoffCoefficient: 1 }, failOnItemFailure: true };
    const done = await run(outer(group(["a"], failingSub(), retried)));
    expect(done.run.status).toBe("success");
    expect(done.run.output).toEqual({ results: [{ got: 201 }] });
    expect(path(done)).toEqual(["start:success", "each:success", "0start:success", "0call:success", "0end:success", "done:success"]);
    expect(done.run.executions[1]!.attempts).toBe(2);
  });

  it("does not retry a group whose item failed permanently: the same item would fail the same way", async () => {
    const { run, calls } = makeEngine(failOnBad);
    const retried = { retry: { maximumAttempts: 3, initialInterval: 0, backoffCoefficient: 1 }, failOnItemFailure: true };
    const failed = await run(outer(group(["ok", "bad"], failingSub(), retried)));
    expect(failed.run.status).toBe("error");
    expect(failed.run.errorMessage).toBe("each: Item 1: call: boom");
    expect(failed.run.executions[1]!.attempts).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it(`fails the group when items are not an array, or more than ${MAX_GROUP_ITEMS}`, async () => {
    const { run } = makeEngine();
    const subGraph = [node("start", "start", ["end"]), end("end", {})];
    const tooMany = await run(outer(group(tmpl("{{Array.from({length: 1001}, (_, i) => i)}}"), subGraph)));
    expect(tooMany.run.status).toBe("error");
    expect(tooMany.run.errorMessage).toBe(`each: The group has 1001 items; at most ${MAX_GROUP_ITEMS} are allowed`);
    expect(tooMany.run.executions).toHaveLength(2);
    const notArray = await run(outer(group(tmpl("{{nodes.start.text}}"), subGraph)), { text: "a,b" });
    expect(notArray.run.errorMessage).toBe("each: Group items must be an array, got string");
  });

  it("after a crash mid-group, the group runs its items again from the first, with the same Idempotency-Keys", async () => {
    const first = makeEngine(async () => ({ outcome: "executed", data: { status: 200 } }));
    const nodes = outer(group(["x", "y"], failingSub()));
    const created = await first.system.createRun({ workspaceUuid: ws, workflowUuid: null, nodes, data: {} });
    // The process dies once the group has finished, while its result is being saved: that save never returns.
    const save = first.store.save;
    let died = () => {};
    const dead = new Promise<void>((resolve) => (died = resolve));
    first.store.save = async (state) => {
      if (!state.run.executions.some((execution) => execution.nodeSlug === "each" && execution.status === "success")) return save(state);
      died();
      return new Promise<boolean>(() => {});
    };
    void first.system.executeRun(ws, created.run.uuid);
    await dead;
    first.store.save = save;

    const second = createRunSystem(first.deps);
    const done = await second.executeRun(ws, created.run.uuid);
    expect(done.run.status).toBe("success");
    expect(done.run.output).toEqual({ results: [{ got: 200 }, { got: 200 }] });
    expect(path(done).filter((step) => step.includes("call"))).toEqual(["0call:success", "1call:success"]);
    const keys = first.calls.map((call) => call.idempotencyKey);
    expect(keys).toEqual([...keys.slice(0, 2), ...keys.slice(0, 2)]);
    expect(new Set(keys).size).toBe(2);
  });
});
