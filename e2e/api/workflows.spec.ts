import type { APIRequestContext } from "@playwright/test";
import { ApiErrorResponseBody, WorkflowListResponseBody, WorkflowResponseBody, type WorkflowNode, type WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";

const BASE = "/api/v1/orchestration/workflows";
const STALE_MESSAGE = "This workflow was changed by someone else since you opened it. Reload to get the latest version.";
let counter = 0;
const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${counter++}`;

async function createWorkflow(request: APIRequestContext, data: { name?: string; nodes?: WorkflowNodeInput[] } = {}) {
  const response = await request.post(BASE, { data: { name: uniqueName("Workflow"), ...data } });
  expect(response.status(), await response.text()).toBe(200);
  return WorkflowResponseBody.parse(await response.json()).workflow;
}

async function updateWorkflow(request: APIRequestContext, uuid: string, data: Record<string, unknown>) {
  return request.put(`${BASE}/${uuid}`, { data });
}

const branchingGraph: WorkflowNodeInput[] = [
  { uuid: "s", slug: "start", kind: "native", actionSlug: "start", childrenUuids: ["f"] },
  { uuid: "f", slug: "check", kind: "native", actionSlug: "filter", childrenUuids: ["e", null], fallbackChildUuid: "e" },
  { uuid: "e", slug: "end", kind: "native", actionSlug: "end", config: { variables: [] } },
];

test.describe("workflows API", () => {
  test("a new workflow starts with a start node joined to an end node", async ({ request }) => {
    const workflow = await createWorkflow(request);
    const [start, end] = workflow.nodes as [WorkflowNode, WorkflowNode];
    expect(workflow.nodes).toHaveLength(2);
    expect(start).toMatchObject({ slug: "start", kind: "native", actionSlug: "start", childrenUuids: [end.uuid], position: { x: 0, y: 0 } });
    expect(end).toMatchObject({ slug: "end", kind: "native", actionSlug: "end", config: { variables: [] }, childrenUuids: [] });
    expect(workflow.createdAt).toBe(workflow.updatedAt);
  });

  test("list shows summaries, most recently updated first; get returns the whole workflow", async ({ request }) => {
    const older = await createWorkflow(request, { name: uniqueName("Older") });
    const newer = await createWorkflow(request, { name: uniqueName("Newer"), nodes: branchingGraph });
    const { workflows } = WorkflowListResponseBody.parse(await (await request.get(`${BASE}/list`)).json());
    const mine = workflows.filter((w) => w.uuid === older.uuid || w.uuid === newer.uuid);
    expect(mine).toEqual([
      { uuid: newer.uuid, name: newer.name, nodesCount: 3, deployedRelease: null, createdAt: newer.createdAt, updatedAt: newer.updatedAt },
      { uuid: older.uuid, name: older.name, nodesCount: 2, deployedRelease: null, createdAt: older.createdAt, updatedAt: older.updatedAt },
    ]);
    const got = await request.get(`${BASE}/${newer.uuid}`);
    expect(WorkflowResponseBody.parse(await got.json()).workflow).toEqual(newer);
  });

  test("rename, then replace the graph, each based on the version before", async ({ request }) => {
    const created = await createWorkflow(request);
    const renamed = await updateWorkflow(request, created.uuid, { name: "Renamed", updatedAt: created.updatedAt });
    expect(renamed.status()).toBe(200);
    const afterRename = WorkflowResponseBody.parse(await renamed.json()).workflow;
    expect(afterRename).toMatchObject({ name: "Renamed", nodes: created.nodes });
    expect(afterRename.updatedAt > created.updatedAt).toBe(true);

    const reshaped = await updateWorkflow(request, created.uuid, { nodes: branchingGraph, updatedAt: afterRename.updatedAt });
    expect(reshaped.status()).toBe(200);
    const afterNodes = WorkflowResponseBody.parse(await reshaped.json()).workflow;
    expect(afterNodes.name).toBe("Renamed");
    expect(afterNodes.nodes.map((n) => n.slug)).toEqual(["start", "check", "end"]);
    expect(WorkflowResponseBody.parse(await (await request.get(`${BASE}/${created.uuid}`)).json()).workflow).toEqual(afterNodes);
  });

  test("a stale update is refused with 409, the message and the current workflow", async ({ request }) => {
    const created = await createWorkflow(request);
    const first = await updateWorkflow(request, created.uuid, { name: "First editor", updatedAt: created.updatedAt });
    const current = WorkflowResponseBody.parse(await first.json()).workflow;
    const second = await updateWorkflow(request, created.uuid, { name: "Second editor", nodes: [], updatedAt: created.updatedAt });
    expect(second.status()).toBe(409);
    const body = await second.json();
    expect(body).toEqual({ errorMessage: STALE_MESSAGE, reason: "workflowStale", workflow: current });
    expect(WorkflowResponseBody.parse(await (await request.get(`${BASE}/${created.uuid}`)).json()).workflow).toEqual(current);
  });

  test("a draft with validation problems can be saved", async ({ request }) => {
    const draft = await createWorkflow(request, {
      nodes: [{ uuid: "x", slug: "not a valid slug!", kind: "connector", integrationSlug: "nowhere", actionSlug: "nothing", childrenUuids: ["missing"] }],
    });
    expect(draft.nodes[0]).toMatchObject({ slug: "not a valid slug!", connectorUuid: null });
  });

  test("duplicate copies the graph with fresh node uuids, links re-pointed", async ({ request }) => {
    const original = await createWorkflow(request, { name: uniqueName("Original"), nodes: branchingGraph });
    const response = await request.post(`${BASE}/${original.uuid}/duplicate`);
    expect(response.status()).toBe(200);
    const copy = WorkflowResponseBody.parse(await response.json()).workflow;
    expect(copy.uuid).not.toBe(original.uuid);
    expect(copy.name).toBe(`${original.name} (copy)`);
    const [start, check, end] = copy.nodes as [WorkflowNode, WorkflowNode, WorkflowNode];
    expect(copy.nodes.map((n) => n.slug)).toEqual(["start", "check", "end"]);
    for (const node of copy.nodes) expect(["s", "f", "e"]).not.toContain(node.uuid);
    expect(start.childrenUuids).toEqual([check.uuid]);
    expect(check.childrenUuids).toEqual([end.uuid, null]);
    expect(check.fallbackChildUuid).toBe(end.uuid);
    expect(WorkflowResponseBody.parse(await (await request.get(`${BASE}/${original.uuid}`)).json()).workflow).toEqual(original);
  });

  test("delete answers {} and the workflow is gone after", async ({ request }) => {
    const created = await createWorkflow(request);
    const deleted = await request.delete(`${BASE}/${created.uuid}`);
    expect(deleted.status()).toBe(200);
    expect(await deleted.json()).toEqual({});
    for (const response of [
      await request.get(`${BASE}/${created.uuid}`),
      await request.delete(`${BASE}/${created.uuid}`),
      await request.post(`${BASE}/${created.uuid}/duplicate`),
      await updateWorkflow(request, created.uuid, { name: "Ghost", updatedAt: created.updatedAt }),
    ]) {
      expect(response.status()).toBe(404);
      expect(ApiErrorResponseBody.parse(await response.json()).errorMessage).toBe(`No workflow with uuid ${created.uuid}`);
    }
    const { workflows } = WorkflowListResponseBody.parse(await (await request.get(`${BASE}/list`)).json());
    expect(workflows.map((w) => w.uuid)).not.toContain(created.uuid);
  });

  const badInputs: Array<{ title: string; send: (request: APIRequestContext, uuid: string) => ReturnType<APIRequestContext["post"]> }> = [
    { title: "empty name on create", send: (request) => request.post(BASE, { data: { name: "   " } }) },
    {
      title: "node with an unknown kind",
      send: (request) => request.post(BASE, { data: { name: "Bad", nodes: [{ uuid: "n", slug: "n", kind: "robot", actionSlug: "x" }] } }),
    },
    {
      title: "malformed JSON",
      send: (request) => request.post(BASE, { data: "{not json", headers: { "content-type": "application/json" } }),
    },
    { title: "update without updatedAt", send: (request, uuid) => request.put(`${BASE}/${uuid}`, { data: { name: "No version" } }) },
    { title: "update with an empty name", send: (request, uuid) => request.put(`${BASE}/${uuid}`, { data: { name: "", updatedAt: "2025-01-01T00:00:00.000Z" } }) },
    { title: "a uuid that is not one", send: (request) => request.get(`${BASE}/not-a-uuid`) },
  ];
  for (const { title, send } of badInputs) {
    test(`bad input is a 400 with errorMessage: ${title}`, async ({ request }) => {
      const workflow = await createWorkflow(request);
      const response = await send(request, workflow.uuid);
      expect(response.status(), await response.text()).toBe(400);
      expect(ApiErrorResponseBody.parse(await response.json()).errorMessage).toMatch(/^(Invalid|The request body)/);
      expect(WorkflowResponseBody.parse(await (await request.get(`${BASE}/${workflow.uuid}`)).json()).workflow).toEqual(workflow);
    });
  }
});
