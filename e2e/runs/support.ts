import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { ConnectorResponseBody, GetRunResponseBody, RunResponseBody, WorkflowResponseBody, type WorkflowNodeInput } from "@/lib/contract";

let counter = 0;

/** A name no other test (or earlier run against the same data folder) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${counter++}`;
}

/** `{{ … }}` as the expression object a form would store. */
export const tmpl = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

/** A connector of the demo integration, with the demo's API key. */
/** A demo CRM connector with a unique slug and name, so pages listing connectors tell it apart. */
export async function createDemoConnector(request: APIRequestContext) {
  const slug = `runs_${Date.now().toString(36)}_${counter++}`;
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug, name: `Runs CRM ${slug}`, config: { apiKey: "demo-api-key", region: "eu" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ConnectorResponseBody.parse(await response.json()).connector;
}

export async function createWorkflow(request: APIRequestContext, name: string, nodes?: WorkflowNodeInput[]) {
  const response = await request.post("/api/v1/orchestration/workflows", { data: { name, ...(nodes && { nodes }) } });
  expect(response.status(), await response.text()).toBe(200);
  return WorkflowResponseBody.parse(await response.json()).workflow;
}

/** Starts a run; with `wait`, answers once it has finished. */
export async function startRun(request: APIRequestContext, workflowUuid: string, data: Record<string, unknown>, { wait = false } = {}) {
  const response = await request.post(`/api/v1/orchestration/runs${wait ? "?waitUntilFinished=true" : ""}`, { data: { workflowUuid, data } });
  expect(response.status(), await response.text()).toBe(200);
  return RunResponseBody.parse(await response.json()).run;
}

export async function getRun(request: APIRequestContext, uuid: string) {
  return GetRunResponseBody.parse(await (await request.get(`/api/v1/orchestration/runs/${uuid}`)).json());
}

/** A node without uuid, links and position, naming its children by slug. */
type Spec = { slug: string; kind: "native" | "connector"; actionSlug: string; children?: string[] } & Record<string, unknown>;

/** A graph from nodes that name their children by slug, with fresh uuids, laid out top to bottom. */
export function graph(...specs: Spec[]): WorkflowNodeInput[] {
  const uuids = new Map(specs.map((spec) => [spec.slug, randomUUID()]));
  return specs.map(({ children = [], ...spec }, index) => ({
    ...spec,
    uuid: uuids.get(spec.slug)!,
    childrenUuids: children.map((slug) => uuids.get(slug)!),
    position: { x: 0, y: index * 160 },
  })) as WorkflowNodeInput[];
}

/**
 * start → create a contact (email from the input) → branch on `nodes.start.vip` → a "vip" or a
 * "regular" end, each returning the new contact's id and a tier.
 */
export function signupGraph(connectorUuid: string): WorkflowNodeInput[] {
  const crm = { kind: "connector" as const, integrationSlug: "demo_crm", connectorUuid };
  const end = (slug: string, tier: string): Spec => ({
    slug,
    kind: "native",
    actionSlug: "end",
    config: { variables: [{ name: "tier", type: "string", value: tier }, { name: "contactId", type: "string", value: tmpl("{{nodes.create.id}}") }] },
  });
  return graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["create"] },
    {
      ...crm,
      slug: "create",
      name: "Create contact",
      actionSlug: "createRecord",
      config: { objectType: "contacts", fields: { email: tmpl("{{nodes.start.email}}"), firstName: "Ada", lastName: "Lovelace" } },
      children: ["check"],
    },
    { slug: "check", name: "Is VIP?", kind: "native", actionSlug: "branch", config: { condition: tmpl("{{nodes.start.vip}}") }, children: ["vip", "regular"] },
    end("vip", "vip"),
    end("regular", "regular"),
  );
}

/** start → wait `minutes` → end. */
export function delayGraph(minutes: number): WorkflowNodeInput[] {
  return graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["wait"] },
    { slug: "wait", kind: "native", actionSlug: "delay", config: { minutes }, children: ["done"] },
    { slug: "done", kind: "native", actionSlug: "end", config: { variables: [{ name: "waited", type: "number", value: minutes }] } },
  );
}

/** start → a demo action that answers HTTP 422 with `message` → end. */
export function failingGraph(connectorUuid: string, message: string): WorkflowNodeInput[] {
  return graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["explode"] },
    {
      kind: "connector",
      integrationSlug: "demo_crm",
      connectorUuid,
      slug: "explode",
      actionSlug: "simulateError",
      config: { status: 422, message },
      children: ["done"],
    },
    { slug: "done", kind: "native", actionSlug: "end", config: { variables: [] } },
  );
}
