import type { APIRequestContext } from "@playwright/test";
import { generateDataset } from "@/examples/demo-integration/data";
import {
  ApiErrorResponseBody,
  ConnectorResponseBody,
  ReleaseResponseBody,
  RunResponseBody,
  TemplateListResponseBody,
  TemplateResponseBody,
  WorkflowResponseBody,
} from "@/lib/contract";
import { expect, test } from "../fixtures";

const BASE = "/api/v1/orchestration/templates";

async function demoConnector(request: APIRequestContext): Promise<string> {
  const suffix = Date.now().toString(36);
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `templates_${suffix}`, name: `Templates CRM ${suffix}`, config: { apiKey: "demo-api-key", region: "us" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ConnectorResponseBody.parse(await response.json()).connector.uuid;
}

test.describe("templates API", () => {
  test("lists tools and plays, and gets one with its connector placeholders; an unknown slug is 404", async ({ request }) => {
    const list = await request.get(`${BASE}/list`);
    expect(list.status()).toBe(200);
    const { templates } = TemplateListResponseBody.parse(await list.json());
    expect(templates.length).toBeGreaterThanOrEqual(6);
    expect(new Set(templates.map((template) => template.kind))).toEqual(new Set(["tool", "play"]));
    expect(templates.find((template) => template.slug === "crm-lookup-contact")).toMatchObject({
      kind: "tool",
      integrations: [{ integrationSlug: "demo_crm", name: "Demo CRM" }],
      formFields: [{ slug: "email", isRequired: true }],
    });

    const { template } = TemplateResponseBody.parse(await (await request.get(`${BASE}/crm-lookup-contact`)).json());
    expect(template.nodes.find((node) => node.slug === "lookup")).toMatchObject({
      kind: "connector",
      integrationSlug: "demo_crm",
      actionSlug: "lookupRecord",
      connectorUuid: "__REPLACE_WITH_CONNECTOR_UUID__:demo_crm",
    });

    const missing = await request.get(`${BASE}/no-such-template`);
    expect(missing.status()).toBe(404);
    expect(ApiErrorResponseBody.parse(await missing.json())).toMatchObject({ reason: "templateNotFound" });
  });

  test("use a template with a demo connector, deploy it and run the tool: the contact comes back", async ({ request }) => {
    const connectorUuid = await demoConnector(request);
    const used = await request.post(`${BASE}/crm-lookup-contact/use`, { data: { name: "Lookup from a template", connectorUuidsByIntegrationSlug: { demo_crm: connectorUuid } } });
    expect(used.status(), await used.text()).toBe(200);
    const { workflow } = WorkflowResponseBody.parse(await used.json());
    expect(workflow).toMatchObject({ name: "Lookup from a template", formFields: [{ slug: "email" }] });
    expect(workflow.nodes.find((node) => node.slug === "lookup")).toMatchObject({ connectorUuid });

    const deployed = await request.post("/api/v1/orchestration/releases/deployDraft", { data: { workflowUuid: workflow.uuid } });
    expect(deployed.status(), await deployed.text()).toBe(200);
    const release = ReleaseResponseBody.parse(await deployed.json()).release;
    const contact = generateDataset().records.contacts[0]!;
    const ran = await request.post("/api/v1/orchestration/runs?waitUntilFinished=true", { data: { releaseUuid: release.uuid, data: { email: contact.email } } });
    expect(ran.status(), await ran.text()).toBe(200);
    expect(RunResponseBody.parse(await ran.json()).run).toMatchObject({ status: "success", output: { found: true, id: contact.id } });
  });

  test("refuses a missing connector (400) and a connector that is not there (404)", async ({ request }) => {
    const none = await request.post(`${BASE}/crm-lookup-contact/use`, { data: { connectorUuidsByIntegrationSlug: {} } });
    expect(none.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await none.json())).toMatchObject({ reason: "connectorMissing", errorMessage: expect.stringContaining("Demo CRM") });

    const unknown = await request.post(`${BASE}/crm-lookup-contact/use`, {
      data: { connectorUuidsByIntegrationSlug: { demo_crm: "00000000-0000-4000-8000-000000000000" } },
    });
    expect(unknown.status()).toBe(404);
    expect(ApiErrorResponseBody.parse(await unknown.json())).toMatchObject({ reason: "connectorNotFound" });
  });
});
