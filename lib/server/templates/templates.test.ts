import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "@/examples/demo-integration/data";
import { CONNECTOR_PLACEHOLDER_PREFIX, UseTemplateRequestBody, type Workflow } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { Deps } from "../deps";
import { deployDraft } from "../releases";
import { createRun } from "../runs";
import { demoDeps } from "../testing/demo-deps";
import { validateWorkflowNodes } from "../validate-nodes";
import { getTemplate, listTemplates, useTemplate } from ".";

// Templates against what the app ships: the demo CRM over HTTP (registered as bootstrap does),
// and connectors of the SDK integrations, whose providers are never called here.
const ws = DEFAULT_WORKSPACE_UUID;
const setup = demoDeps("relay-templates-");
let deps: Deps;
const connectors: Record<string, string> = {};
beforeAll(async () => {
  deps = setup.deps;
  connectors[setup.integrationSlug] = setup.connectorUuid;
  for (const integrationSlug of ["slack", "gmail", "openai"]) {
    const stored = await deps.db.connectors.create(ws, { integrationSlug, slug: `${integrationSlug}_1`, name: integrationSlug, sealedConfig: "{}", lastTest: null });
    connectors[integrationSlug] = stored.uuid;
  }
});

const contacts = generateDataset().records.contacts as Array<Record<string, string>>;
const use = (slug: string, body: Partial<UseTemplateRequestBody> = {}) =>
  useTemplate(deps, ws, slug, UseTemplateRequestBody.parse({ connectorUuidsByIntegrationSlug: connectors, ...body }));
const run = async (workflow: Workflow, data: Record<string, unknown>) => createRun(deps, ws, { workflowUuid: workflow.uuid, data }, { wait: true });

describe(`templates (${process.env.TEST_POSTGRES_URL ? "Postgres" : "SQLite"})`, () => {
  it("the gallery has tools and plays, and each lists exactly the integrations its connector nodes hold placeholders for", () => {
    expect(setup.integrationSlug).toBe("demo_crm");
    const summaries = listTemplates();
    expect(summaries.length).toBeGreaterThanOrEqual(6);
    expect(new Set(summaries.map((template) => template.slug)).size).toBe(summaries.length);
    expect(summaries.filter((template) => template.kind === "tool").length).toBeGreaterThanOrEqual(4);
    expect(summaries.filter((template) => template.kind === "play").length).toBeGreaterThanOrEqual(2);
    for (const { slug, integrations, kind, formFields, playHint } of summaries) {
      const placeholders = getTemplate(slug)
        .nodes.flatMap((node) => (node.kind === "connector" ? [node.connectorUuid] : []))
        .map((uuid) => uuid?.replace(`${CONNECTOR_PLACEHOLDER_PREFIX}:`, ""));
      expect(new Set(placeholders), slug).toEqual(new Set(integrations.map((integration) => integration.integrationSlug)));
      expect(kind === "play" ? playHint : formFields.length, slug).toBeTruthy();
    }
  });

  it.each(listTemplates().map((template) => template.slug))("%s, with real connectors, makes a workflow that validates", async (slug) => {
    const template = getTemplate(slug);
    const workflow = await use(slug);
    expect(workflow).toMatchObject({ name: template.name, formFields: template.formFields });
    expect((await validateWorkflowNodes(deps, ws, workflow.nodes)).outcome).toBe("valid");
    expect(JSON.stringify(workflow.nodes)).not.toContain(CONNECTOR_PLACEHOLDER_PREFIX);
    const templateUuids = new Set(template.nodes.map((node) => node.uuid));
    expect(workflow.nodes.filter((node) => templateUuids.has(node.uuid))).toEqual([]);
    expect(workflow.nodes.map((node) => node.slug)).toEqual(template.nodes.map((node) => node.slug));
  });

  it("the contact lookup tool, deployed, answers from the demo CRM", async () => {
    const workflow = await use("crm-lookup-contact", { name: "Who is this?" });
    expect(workflow.name).toBe("Who is this?");
    const release = await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid });
    const contact = contacts[0]!;
    const found = await createRun(deps, ws, { releaseUuid: release.uuid, data: { email: contact.email } }, { wait: true });
    expect(found).toMatchObject({ status: "success" });
    expect(found.output).toEqual({
      found: true,
      id: contact.id,
      name: `${contact.firstName} ${contact.lastName}`,
      jobTitle: contact.jobTitle,
      lifecycleStage: contact.lifecycleStage,
      companyId: contact.companyId,
    });
    expect((await run(workflow, { email: "nobody@nowhere.example" })).output).toEqual({ found: false });
  });

  it("the update tool writes the stage, which the routing tool and the nightly re-check then read", async () => {
    const contact = contacts.find((candidate) => candidate.lifecycleStage !== "customer")!;
    const route = await use("crm-route-contact");
    expect((await run(route, { email: contact.email })).output).toEqual({ team: "sales", lifecycleStage: contact.lifecycleStage, ownerId: contact.ownerId });

    const updated = await run(await use("crm-update-lifecycle-stage"), { contactId: contact.id, lifecycleStage: "customer" });
    expect(updated).toMatchObject({ status: "success", output: { id: contact.id, lifecycleStage: "customer" } });
    expect((await run(route, { email: contact.email })).output).toEqual({ team: "customer success", ownerId: contact.ownerId });
    expect((await run(route, { email: "nobody@nowhere.example" })).output).toEqual({ team: "none" });

    const recheck = await use("crm-recheck-changed-contacts");
    expect((await run(recheck, { id: contact.id })).output).toEqual({ status: "active", lifecycleStage: "customer" });
    expect((await run(recheck, { id: "con_999" })).output).toEqual({ status: "deleted" });
  });

  it("the segment play sets the company's owner; the HTTP tool answers the status and parsed body", async () => {
    const assigned = await run(await use("crm-assign-segment-companies"), { id: "com_002" });
    expect(assigned.output).toEqual({ companyId: "com_002", ownerId: "own_001" });
    const called = await run(await use("http-call-api"), { url: `${setup.demo.url}/manifest` });
    expect(called).toMatchObject({ status: "success", output: { status: 200, body: { name: "Demo CRM" } } });
  });

  it("refuses a missing connector (400), a connector of another integration or none (404), and an unknown template (404)", async () => {
    const before = (await deps.db.workflows.list(ws)).length;
    await expect(use("crm-lookup-contact", { connectorUuidsByIntegrationSlug: {} })).rejects.toMatchObject({
      status: 400,
      reason: "connectorMissing",
      message: expect.stringContaining("Demo CRM"),
    });
    await expect(use("crm-lookup-contact", { connectorUuidsByIntegrationSlug: { demo_crm: connectors.slack! } })).rejects.toMatchObject({
      status: 404,
      reason: "connectorNotFound",
    });
    await expect(use("crm-lookup-contact", { connectorUuidsByIntegrationSlug: { demo_crm: "00000000-0000-4000-8000-000000000000" } })).rejects.toMatchObject({
      status: 404,
      reason: "connectorNotFound",
    });
    await expect(use("openai-summarize-contact", { connectorUuidsByIntegrationSlug: { demo_crm: setup.connectorUuid } })).rejects.toMatchObject({
      reason: "connectorMissing",
      message: expect.stringContaining("OpenAI"),
    });
    await expect(use("no-such-template")).rejects.toMatchObject({ status: 404, reason: "templateNotFound" });
    expect((await deps.db.workflows.list(ws)).length).toBe(before);
    // Needing no connector, the HTTP tool is made without any.
    await expect(use("http-call-api", { connectorUuidsByIntegrationSlug: {} })).resolves.toMatchObject({ name: "Call an HTTP API" });
  });
});
