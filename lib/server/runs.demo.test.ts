import { beforeAll, describe, expect, it } from "vitest";
import type { Run, WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { Deps } from "./deps";
import { AppError } from "./errors";
import { cancelRuns, createRun, executeTopLevelAction, getRun } from "./runs";
import { demoDeps } from "./testing/demo-deps";
import { graph, tmpl } from "./testing/nodes";

// The engine end to end: real storage, the real sandbox, the demo integration over HTTP.
const ws = DEFAULT_WORKSPACE_UUID;
const setup = demoDeps("relay-runs-");
let deps: Deps;
let connectorUuid: string;
let integrationSlug: string;
beforeAll(() => {
  ({ deps, connectorUuid, integrationSlug } = setup);
});

const crm = (actionSlug: string, config: Record<string, unknown>) => ({ kind: "connector" as const, integrationSlug, actionSlug, connectorUuid, config });
const start = (child: string) => ({ slug: "start", children: [child] });
const end = (slug: string, variables: Array<{ name: string; value: unknown }> = []) => ({
  slug,
  actionSlug: "end",
  config: { variables: variables.map((variable) => ({ type: "any", ...variable })) },
});
const run = (nodes: WorkflowNode[], data: Record<string, unknown> = {}) => createRun(deps, ws, { nodes, data }, { wait: true });
const path_ = (run: Run) => run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`);
const demoStats = async () => (await fetch(`${setup.demo.url}/_demo/stats`)).json() as Promise<{ calls: Record<string, number>; idempotencyKeys: Record<string, number> }>;

describe("routing", () => {
  const lookup = () =>
    graph(
    start("lookup"),
    { slug: "lookup", ...crm("lookupRecord", { objectType: "contacts", id: tmpl("{{nodes.start.id}}") }), children: ["found", "missing"] },
    end("found", [{ name: "who", value: tmpl("{{nodes.lookup.record.firstName}} {{nodes.lookup.record.lastName}}") }]),
    end("missing", [{ name: "searched", value: tmpl("{{nodes.start.id}}") }]),
  );

  it("follows the child an integration's childIndex picks", async () => {
    const found = await run(lookup(), { id: "con_001" });
    expect(found.status).toBe("success");
    expect(path_(found)).toEqual(["start:success", "lookup:success", "found:success"]);
    expect(found.output?.who).toMatch(/^\S+ \S+$/);
    const { runContext, runComputedConfigs } = await getRun(deps, ws, found.uuid);
    expect(runContext.lookup).toMatchObject({ found: true, record: { id: "con_001" } });
    expect(runComputedConfigs.lookup).toEqual({ objectType: "contacts", id: "con_001" });

    const missing = await run(lookup(), { id: "con_999" });
    expect(path_(missing)).toEqual(["start:success", "lookup:success", "missing:success"]);
    expect(missing.executions[1]).toMatchObject({ nodeChildIndex: 1, title: expect.any(String) });
    expect(missing.output).toEqual({ searched: "con_999" });
  });

  const gated = graph(
    start("positive"),
    { slug: "positive", actionSlug: "filter", config: { filter: tmpl("{{nodes.start.n > 0}}") }, children: ["big"] },
    { slug: "big", actionSlug: "branch", config: { condition: tmpl("{{nodes.start.n > 10}}") }, children: ["large", "small"] },
    end("large", [{ name: "size", value: "large" }]),
    end("small", [{ name: "size", value: "small" }]),
  );

  it("branches on a condition, and a false filter stops the run successfully", async () => {
    expect((await run(gated, { n: 20 })).output).toEqual({ size: "large" });
    expect((await run(gated, { n: 5 })).output).toEqual({ size: "small" });
    const stopped = await run(gated, { n: -1 });
    expect(stopped.status).toBe("success");
    expect(path_(stopped)).toEqual(["start:success", "positive:success"]);
    expect(stopped.executions[1]!.title).toBe("Stopped: the condition is false");
    expect(stopped.output).toBeNull();
  });

  it("takes the first switch route whose condition holds, and stops when none does", async () => {
    const routes = graph(
      start("region"),
      {
        slug: "region",
        actionSlug: "switch",
        config: {
          routes: [
            { name: "Europe", value: tmpl("{{['fr', 'de'].includes(nodes.start.country)}}") },
            { name: "Americas", value: tmpl("{{nodes.start.country === 'us'}}") },
          ],
        },
        children: ["eu", "us"],
      },
      end("eu", [{ name: "team", value: "EU" }]),
      end("us", [{ name: "team", value: "US" }]),
    );
    expect((await run(routes, { country: "de" })).output).toEqual({ team: "EU" });
    const us = await run(routes, { country: "us" });
    expect(us.output).toEqual({ team: "US" });
    expect(us.executions[1]).toMatchObject({ title: "Americas", nodeChildIndex: 1 });
    const none = await run(routes, { country: "jp" });
    expect(none.status).toBe("success");
    expect(none.executions.at(-1)!.title).toBe("No route matched");
  });
});

describe("failures", () => {
  const failing = () => ({ slug: "fail", ...crm("simulateError", { status: 500, message: "Demo CRM exploded" }) });

  it("jumps to fallbackChildUuid, where the error can be read", async () => {
    const nodes = graph(
      start("fail"),
      { ...failing(), children: ["ok"], fallbackTo: "recover" },
      end("ok"),
      end("recover", [{ name: "why", value: tmpl("{{nodes.fail.error}}") }]),
    );
    const result = await run(nodes);
    expect(result.status).toBe("success");
    expect(path_(result)).toEqual(["start:success", "fail:error", "recover:success"]);
    expect(result.executions[1]!.errorMessage).toContain("Demo CRM exploded");
    expect(result.output!.why).toContain("Demo CRM exploded");
  });

  it("continues to the normal child with fallbackOnFailure, and fails the run without either", async () => {
    const onward = await run(graph(start("fail"), { ...failing(), fallbackOnFailure: true, children: ["done"] }, end("done")));
    expect(path_(onward)).toEqual(["start:success", "fail:error", "done:success"]);
    expect(onward.status).toBe("success");

    const failed = await run(graph(start("fail"), { ...failing(), children: ["done"] }, end("done")));
    expect(failed.status).toBe("error");
    expect(failed.errorMessage).toMatch(/^fail: .*Demo CRM exploded/);
    expect(path_(failed)).toEqual(["start:success", "fail:error"]);
    expect(failed.finishedAt).not.toBeNull();
  });

  it("retries on the node's policy with one Idempotency-Key, and never retries a 4xx", async () => {
    const retry = { maximumAttempts: 3, initialInterval: 10, backoffCoefficient: 2 };
    const flaky = (succeedAfter: number, maximumAttempts = 3) =>
      graph(start("flaky"), { slug: "flaky", ...crm("simulateError", { status: 503, message: "busy", succeedAfter }), retry: { ...retry, maximumAttempts }, children: ["done"] }, end("done"));

    const recovered = await run(flaky(2));
    expect(recovered.status).toBe("success");
    expect(recovered.executions[1]).toMatchObject({ status: "success", attempts: 3 });
    const keys = Object.keys((await demoStats()).idempotencyKeys);
    expect(keys).toEqual([`${recovered.uuid}:${recovered.executions[1]!.nodeUuid}`]);

    const exhausted = await run(flaky(5));
    expect(exhausted.status).toBe("error");
    expect(exhausted.executions[1]).toMatchObject({ status: "error", attempts: 3 });

    const badRequest = graph(start("bad"), { slug: "bad", ...crm("simulateError", { status: 400, message: "nope" }), retry, children: ["done"] }, end("done"));
    const refused = await run(badRequest);
    expect(refused.executions[1]).toMatchObject({ status: "error", attempts: 1 });
  });

  it("reports an expression that fails at run time on its node, with the field", async () => {
    const nodes = graph(start("lookup"), { slug: "lookup", ...crm("lookupRecord", { objectType: "contacts", id: tmpl("{{nodes.start.person.id.toUpperCase()}}") }), children: ["done", null] }, end("done"));
    const result = await run(nodes, {});
    expect(result.status).toBe("error");
    expect(result.executions[1]!.status).toBe("error");
    expect(result.executions[1]!.errorMessage).toMatch(/^Config field id: /);
    expect((await demoStats()).calls["POST /actions/lookupRecord/execute"]).toBeUndefined();
  });
});

describe("groups", () => {
  it("creates a contact per email through the demo integration and collects each item's end output", async () => {
    const subNodes = graph(
      start("create"),
      { slug: "create", ...crm("createRecord", { objectType: "contacts", fields: { email: tmpl("{{nodes.start.value}}"), firstName: tmpl("{{parentNodes.start.team}}") } }), children: ["itemEnd"] },
      end("itemEnd", [{ name: "email", value: tmpl("{{nodes.create.email}}") }, { name: "id", value: tmpl("{{nodes.create.id}}") }]),
    );
    const nodes = graph(
      start("each"),
      { slug: "each", actionSlug: "group", config: { items: tmpl("{{nodes.start.emails}}"), failOnItemFailure: true, _nodes: subNodes }, children: ["done"] },
      end("done", [{ name: "emails", value: tmpl("{{nodes.each.map((item) => item.email)}}") }, { name: "count", value: tmpl("{{nodes.each.length}}") }]),
    );
    const emails = ["group.one@example.com", "group.two@example.com"];
    const result = await run(nodes, { emails, team: "Group" });
    expect(result.status, result.errorMessage ?? "").toBe("success");
    expect(result.output).toEqual({ emails, count: 2 });
    expect(path_(result)).toEqual(["start:success", "each:success", "start:success", "create:success", "itemEnd:success", "start:success", "create:success", "itemEnd:success", "done:success"]);
    const { runContext } = await getRun(deps, ws, result.uuid);
    expect(runContext.each).toEqual([expect.objectContaining({ email: emails[0] }), expect.objectContaining({ email: emails[1] })]);
    const groupUuid = result.executions[1]!.nodeUuid;
    const createUuid = subNodes[1]!.uuid;
    expect((await demoStats()).idempotencyKeys).toEqual({ [`${result.uuid}:${groupUuid}:0:${createUuid}`]: 1, [`${result.uuid}:${groupUuid}:1:${createUuid}`]: 1 });
  });
});

describe("asynchronous actions and control", () => {
  it("polls an action that answers executing until it is executed, with one Idempotency-Key", async () => {
    const result = await run(graph(start("export"), { slug: "export", ...crm("exportRecords", { objectType: "deals" }), children: ["done"] }, end("done", [{ name: "count", value: tmpl("{{nodes.export.count}}") }])));
    expect(result.status).toBe("success");
    expect(result.executions[1]).toMatchObject({ attempts: 3, status: "success" });
    expect(result.output).toEqual({ count: 50 });
    expect((await demoStats()).idempotencyKeys).toEqual({ [`${result.uuid}:${result.executions[1]!.nodeUuid}`]: 3 });
  });

  it("cancels a waiting run: the run and the node it was on end cancelled, and nothing after runs", async () => {
    const nodes = graph(start("wait"), { slug: "wait", actionSlug: "delay", config: { minutes: 5 }, children: ["done"] }, end("done"));
    const created = await createRun(deps, ws, { nodes, data: {} });
    await expect.poll(async () => (await getRun(deps, ws, created.uuid)).run.executions.at(-1)?.nodeSlug).toBe("wait");
    const started = Date.now();
    expect(await cancelRuns(deps, ws, [created.uuid])).toEqual({ cancelledUuids: [created.uuid] });
    await deps.runs.queue.idle();
    expect(Date.now() - started).toBeLessThan(2_000);
    const { run: cancelled } = await getRun(deps, ws, created.uuid);
    expect(cancelled.status).toBe("cancelled");
    expect(path_(cancelled)).toEqual(["start:success", "wait:cancelled"]);
    expect(await cancelRuns(deps, ws, [created.uuid])).toEqual({ cancelledUuids: [] });
  });

  it("refuses to start a graph with problems, naming them", async () => {
    const nodes = graph(start("lookup"), { slug: "lookup", ...crm("lookupRecord", {}), children: ["done", null] }, end("done"));
    const error = await run(nodes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).message).toMatch(/objectType/);
  });

  it("executes one top-level action with data as its config", async () => {
    const result = await executeTopLevelAction(deps, ws, {
      action: { kind: "connector", integrationSlug, actionSlug: "lookupRecord", connectorUuid },
      data: { objectType: "contacts", id: "con_002" },
    });
    expect(result.status).toBe("success");
    expect((await getRun(deps, ws, result.uuid)).runContext.lookupRecord).toMatchObject({ found: true, record: { id: "con_002" } });
  });
});
