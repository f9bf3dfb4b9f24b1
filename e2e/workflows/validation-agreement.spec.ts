import { ConnectorResponseBody } from "@/lib/contract";
import { generateGraph } from "@/lib/workflow/testing/generate-graph";
import { expect, test } from "../fixtures";
import { ValidatePage } from "./validate.page";
import { validationCases } from "./validation-graphs";

let connectorUuid = "";

test.beforeAll(async ({ request }) => {
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `agree_${Date.now().toString(36)}`, name: "Agreement", config: { apiKey: "demo-api-key", region: "eu" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  connectorUuid = ConnectorResponseBody.parse(await response.json()).connector.uuid;
});

test.afterAll(async ({ request }) => {
  if (connectorUuid) await request.delete(`/api/v1/connection/connectors/${connectorUuid}`);
});

test("the browser and the API give the same validation result for the same nodes", async ({ page, request }) => {
  test.setTimeout(90_000);
  const bench = new ValidatePage(page);
  await bench.goto();
  const graphs = [
    ...validationCases(connectorUuid).map(({ name, nodes }) => ({ name, nodes })),
    { name: "a generated 300-node graph", nodes: generateGraph(300) },
  ];
  const outcomes = new Set<string>();
  for (const { name, nodes } of graphs) {
    const response = await request.post("/api/v1/orchestration/nodes/validate", { data: { nodes } });
    expect(response.status(), name).toBe(200);
    const server = await response.json();
    expect(await bench.validate(nodes), name).toEqual(server);
    outcomes.add(server.outcome);
  }
  expect([...outcomes].sort()).toEqual(["notValid", "valid"]);
});
