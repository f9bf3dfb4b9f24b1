import { expect, test } from "../fixtures";
import { anonymous, createToken } from "../support/accounts";

const start = { uuid: "10000000-0000-4000-8000-000000000001", slug: "start", kind: "native", actionSlug: "start", config: {}, childrenUuids: ["10000000-0000-4000-8000-000000000002"], position: { x: 0, y: 0 } };
const end = { uuid: "10000000-0000-4000-8000-000000000002", slug: "end", kind: "native", actionSlug: "end", config: { variables: [] }, childrenUuids: [], position: { x: 0, y: 160 } };

test("two workspaces' data never meet: every uuid of workspace A answers 404 to workspace B's token", async ({ request }) => {
  // Workspace A: the owner's current one, with a workflow, a run, a connector, a custom integration and a token.
  const workflow = (await (await request.post("/api/v1/orchestration/workflows", { data: { name: "A's workflow", nodes: [start, end] } })).json()).workflow;
  const run = (await (await request.post("/api/v1/orchestration/runs?waitUntilFinished=true", { data: { workflowUuid: workflow.uuid, data: {} } })).json()).run;
  const integration = (await (await request.get("/api/v1/connection/customIntegrations/list")).json()).customIntegrations[0];
  let connector = (await (await request.get("/api/v1/connection/connectors/list")).json()).connectors[0];
  if (!connector) {
    const created = await request.post("/api/v1/connection/connectors", {
      data: { integrationSlug: integration.slug, slug: `a_crm_${Date.now()}`, name: "A CRM", config: { apiKey: "demo-api-key", region: "eu" } },
    });
    expect(created.status(), await created.text()).toBe(200);
    connector = (await created.json()).connector;
  }
  const tokenOfA = await createToken(request, "A's token");

  // Workspace B: created by the same owner, with a token of its own.
  const created = await request.post("/api/v1/workspaces", { data: { name: `Workspace B ${Date.now()}` } });
  expect(created.status(), await created.text()).toBe(200);
  const workspaceB = (await created.json()).workspace;
  const { token } = await createToken(request, "B's token", workspaceB.uuid);
  const b = await anonymous({ authorization: `Bearer ${token}` });
  expect((await (await b.get("/api/v1/whoami")).json()).workspace.uuid).toBe(workspaceB.uuid);

  const table: Array<[string, string, unknown?]> = [
    ["GET", `/api/v1/orchestration/workflows/${workflow.uuid}`],
    ["PUT", `/api/v1/orchestration/workflows/${workflow.uuid}`, { name: "stolen", updatedAt: workflow.updatedAt }],
    ["DELETE", `/api/v1/orchestration/workflows/${workflow.uuid}`],
    ["POST", `/api/v1/orchestration/workflows/${workflow.uuid}/duplicate`, {}],
    ["POST", "/api/v1/orchestration/runs", { workflowUuid: workflow.uuid, data: {} }],
    ["GET", `/api/v1/orchestration/runs/${run.uuid}`],
    ["GET", `/api/v1/connection/connectors/${connector.uuid}`],
    ["POST", `/api/v1/connection/connectors/${connector.uuid}/authenticate`, {}],
    ["POST", `/api/v1/connection/connectors/${connector.uuid}/autocomplete`, { slug: "objectTypes", params: {} }],
    ["POST", `/api/v1/connection/connectors/${connector.uuid}/actions/lookupRecord/execute`, { config: {} }],
    ["GET", `/api/v1/connection/customIntegrations/${integration.uuid}`],
    ["DELETE", `/api/v1/connection/customIntegrations/${integration.uuid}`],
    ["DELETE", `/api/v1/apiTokens/${tokenOfA.uuid}`],
  ];
  for (const [method, route, data] of table) {
    const response = await b.fetch(route, { method, data });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(404);
  }
  // B's lists show none of A's things.
  expect((await (await b.get("/api/v1/orchestration/workflows/list")).json()).workflows).toEqual([]);
  expect((await (await b.get(`/api/v1/orchestration/runs/list?workflowUuid=${workflow.uuid}`)).json()).runs).toEqual([]);
  expect((await (await b.get("/api/v1/connection/connectors/list")).json()).connectors).toEqual([]);
  // And A still has everything.
  expect((await request.get(`/api/v1/orchestration/workflows/${workflow.uuid}`)).status()).toBe(200);
  expect((await (await anonymous({ authorization: `Bearer ${tokenOfA.token}` })).get("/api/v1/whoami")).status()).toBe(200);
});
