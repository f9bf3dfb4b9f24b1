import { ApiErrorResponseBody, GetRunResponseBody, RunListResponseBody, RunResponseBody, type WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";

const RUNS = "/api/v1/orchestration/runs";
const tmpl = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

// start → branch on n > 10 → big / small, with the end variables as the run's output.
const graph: WorkflowNodeInput[] = [
  { uuid: "a0000000-0000-4000-8000-000000000001", slug: "start", kind: "native", actionSlug: "start", childrenUuids: ["a0000000-0000-4000-8000-000000000002"] },
  {
    uuid: "a0000000-0000-4000-8000-000000000002",
    slug: "big",
    kind: "native",
    actionSlug: "branch",
    config: { condition: tmpl("{{nodes.start.n > 10}}") },
    childrenUuids: ["a0000000-0000-4000-8000-000000000003", "a0000000-0000-4000-8000-000000000004"],
  },
  { uuid: "a0000000-0000-4000-8000-000000000003", slug: "yes", kind: "native", actionSlug: "end", config: { variables: [{ name: "size", type: "string", value: "large" }] } },
  { uuid: "a0000000-0000-4000-8000-000000000004", slug: "no", kind: "native", actionSlug: "end", config: { variables: [{ name: "double", type: "number", value: tmpl("{{nodes.start.n * 2}}") }] } },
];

test.describe("runs API", () => {
  test("a run of an ad-hoc graph follows the branch, and its context, configs and listing agree", async ({ request }) => {
    const created = await request.post(`${RUNS}?waitUntilFinished=true`, { data: { nodes: graph, data: { n: 4 } } });
    expect(created.status(), await created.text()).toBe(200);
    const { run } = RunResponseBody.parse(await created.json());
    expect(run).toMatchObject({ status: "success", output: { double: 8 }, workflowUuid: null, errorMessage: null });
    expect(run.executions.map((execution) => [execution.nodeSlug, execution.status, execution.nodeChildIndex])).toEqual([
      ["start", "success", 0],
      ["big", "success", 1],
      ["no", "success", null],
    ]);

    const detail = GetRunResponseBody.parse(await (await request.get(`${RUNS}/${run.uuid}`)).json());
    expect(detail.runContext).toEqual({ start: { n: 4 }, big: { condition: false }, no: { double: 8 } });
    expect(detail.runComputedConfigs.big).toEqual({ condition: false });

    const { runs } = RunListResponseBody.parse(await (await request.get(`${RUNS}/list?statuses=success&limit=5`)).json());
    expect(runs.map((listed) => listed.uuid)).toContain(run.uuid);
  });

  test("a graph with problems is refused with 422 and every finding; nothing runs", async ({ request }) => {
    const broken = graph.map((node) => (node.slug === "big" ? { ...node, config: { condition: tmpl("{{nodes.start.}}") } } : node));
    const response = await request.post(RUNS, { data: { nodes: broken, data: {} } });
    expect(response.status()).toBe(422);
    const body = await response.json();
    expect(body).toMatchObject({ reason: "nodesNotValid", invalidNodes: [{ node: { slug: "big" }, reason: "expressionInvalid", path: "condition" }] });
    expect(ApiErrorResponseBody.parse(body).errorMessage).toMatch(/^The workflow cannot run until its problems are fixed\. big \(condition\): /);
  });

  test("bad input and unknown runs get a clear error", async ({ request }) => {
    const cases = [
      { response: await request.post(RUNS, { data: { data: {} } }), status: 400 },
      { response: await request.post(RUNS, { data: { workflowUuid: "not-a-uuid", data: {} } }), status: 400 },
      { response: await request.post(RUNS, { data: { workflowUuid: "00000000-0000-4000-8000-0000000000ff", data: {} } }), status: 404 },
      { response: await request.get(`${RUNS}/00000000-0000-4000-8000-0000000000ff`), status: 404 },
      { response: await request.get(`${RUNS}/list?statuses=finished`), status: 400 },
      { response: await request.post(`${RUNS}/cancel`, { data: { uuids: [] } }), status: 400 },
    ];
    for (const { response, status } of cases) {
      expect(response.status(), response.url()).toBe(status);
      expect(ApiErrorResponseBody.parse(await response.json()).errorMessage.length).toBeGreaterThan(0);
    }
  });

  test("a single top-level action runs as start → action", async ({ request }) => {
    const response = await request.post("/api/v1/orchestration/actions/execute", {
      data: { action: { kind: "native", actionSlug: "variables" }, data: { variables: [{ name: "greeting", type: "string", value: "hello" }] } },
    });
    expect(response.status(), await response.text()).toBe(200);
    const { run } = RunResponseBody.parse(await response.json());
    expect(run.status).toBe("success");
    const detail = GetRunResponseBody.parse(await (await request.get(`${RUNS}/${run.uuid}`)).json());
    expect(detail.runContext.variables).toEqual({ greeting: "hello" });
  });
});
