import { ApiErrorResponseBody, ConnectorResponseBody, ValidateNodesResponseBody } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { validationCases } from "../workflows/validation-graphs";

const VALIDATE = "/api/v1/orchestration/nodes/validate";

let connectorUuid = "";

test.beforeAll(async ({ request }) => {
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `validate_${Date.now().toString(36)}`, name: "Validation", config: { apiKey: "demo-api-key", region: "eu" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  connectorUuid = ConnectorResponseBody.parse(await response.json()).connector.uuid;
});

test.afterAll(async ({ request }) => {
  if (connectorUuid) await request.delete(`/api/v1/connection/connectors/${connectorUuid}`);
});

test.describe("POST /orchestration/nodes/validate", () => {
  for (const { name, reasons } of validationCases("placeholder")) {
    test(`${name}: ${reasons.join(", ") || "valid"}`, async ({ request }) => {
      const { nodes } = validationCases(connectorUuid).find((candidate) => candidate.name === name)!;
      const response = await request.post(VALIDATE, { data: { nodes } });
      expect(response.status()).toBe(200);
      const body = ValidateNodesResponseBody.parse(await response.json());
      const findings = [...(body.outcome === "notValid" ? body.invalidNodes : []), ...body.warnings];
      expect(findings.map((finding) => finding.reason)).toEqual(reasons);
      expect(body.outcome).toBe(reasons.every((reason) => reason === "nodeUnreachable") ? "valid" : "notValid");
      expect(findings.every((finding) => finding.message.length > 0)).toBe(true);
    });
  }

  test("a config finding points at the field and says what is wrong", async ({ request }) => {
    const { nodes } = validationCases(connectorUuid).find((candidate) => candidate.name === "configInvalid")!;
    const body = ValidateNodesResponseBody.parse(await (await request.post(VALIDATE, { data: { nodes } })).json());
    expect(body).toMatchObject({
      outcome: "notValid",
      invalidNodes: [{ node: { uuid: "uuid-create", slug: "create" }, reason: "configInvalid", severity: "error", path: "fields", message: "Required" }],
    });
  });

  test("a warning alone leaves the graph valid", async ({ request }) => {
    const { nodes } = validationCases(connectorUuid).find((candidate) => candidate.name.startsWith("nodeUnreachable"))!;
    const body = ValidateNodesResponseBody.parse(await (await request.post(VALIDATE, { data: { nodes } })).json());
    expect(body).toMatchObject({ outcome: "valid", warnings: [{ reason: "nodeUnreachable", severity: "warning" }] });
  });

  test("nodes that are not a graph are a 400 naming the problem", async ({ request }) => {
    const response = await request.post(VALIDATE, { data: { nodes: [{ uuid: "a", slug: "start", kind: "robot" }] } });
    expect(response.status()).toBe(400);
    const body = ApiErrorResponseBody.parse(await response.json());
    expect(body.problems?.[0]?.path).toMatch(/^nodes\[0\]/);
  });
});
