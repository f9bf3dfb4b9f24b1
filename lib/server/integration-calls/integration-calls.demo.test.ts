import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntegrationCallResponseBody, integrationCallCurl, ListIntegrationCallsResponseBody, REDACTED } from "@/lib/contract";
import { getDeps, type Deps } from "../deps";
import { startApiOverDemo, type ApiOverDemo } from "../testing/api-over-demo";

// A secret of the connector (its OAuth token field is write-only, so secret), also typed into an action's input.
const CANARY = `canary-${crypto.randomUUID()}-SECRET`;

let app: ApiOverDemo;
let deps: Deps;
let token: string;
let customUuid: string;
let connectorUuid: string;

const api = async (route: string, init: { method?: string; body?: unknown; auth?: Record<string, string> } = {}) => {
  const response = await fetch(`${app.origin}/api/v1${route}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(init.auth ?? { authorization: `Bearer ${token}` }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, text: await response.text() };
};
const ok = async (route: string, body?: unknown) => {
  const { status, text } = await api(route, { body });
  expect(status, text).toBeLessThan(300);
  return JSON.parse(text);
};
const calls = async (route: string) => ListIntegrationCallsResponseBody.parse(await ok(route));
const oneCall = async (route: string) => IntegrationCallResponseBody.parse(await ok(route)).call;

beforeAll(async () => {
  app = await startApiOverDemo("integration-calls-");
  deps = await getDeps();
  token = JSON.parse((await api("/apiTokens", { body: { name: "inspector" }, auth: { cookie: app.cookie, origin: app.origin } })).text).token;
  const [demoIntegration] = (await ok("/connection/customIntegrations/list")).customIntegrations;
  customUuid = demoIntegration.uuid;
  const config = { apiKey: "demo-api-key", region: "eu", oauthToken: CANARY };
  connectorUuid = (await ok("/connection/connectors", { integrationSlug: demoIntegration.slug, slug: "crm", name: "CRM", config })).connector.uuid;
});

afterAll(() => app?.close());

describe("the request inspector over the demo integration", () => {
  it("records every call of a connector with its secret absent from the API's answer and every curl", async () => {
    await ok(`/connection/connectors/${connectorUuid}/autocomplete`, { slug: "listObjects", params: {} });
    const created = await ok(`/connection/connectors/${connectorUuid}/actions/createRecord/execute`, {
      config: { objectType: "contacts", fields: { email: "ann@example.com", firstName: `Ann ${CANARY}` } },
    });
    // The demo echoed the secret back: the inspector had something to hide.
    expect(JSON.stringify(created)).toContain(CANARY);
    await api(`/connection/connectors/${connectorUuid}/actions/createRecord/execute`, { body: { config: { objectType: "contacts", fields: {} } } });

    const { text } = await api(`/connection/customIntegrations/${customUuid}/calls`);
    expect(text).not.toContain(CANARY);
    const answer = ListIntegrationCallsResponseBody.parse(JSON.parse(text));
    expect(answer.endpoints).toEqual(expect.arrayContaining(["/authenticate", "/autocompletes/listObjects", "/actions/createRecord/execute"]));
    // The list carries no headers nor bodies, but a refusal's line.
    expect(answer.calls[0]).not.toHaveProperty("responseBody");
    expect(answer.calls.find((call) => call.status === 400)?.failure).toBe('Missing required field "email" for contacts');
    const listed = answer.calls.find((call) => call.endpoint === "/actions/createRecord/execute" && call.status === 200)!;
    const execute = await oneCall(`/connection/customIntegrations/${customUuid}/calls/${listed.uuid}`);
    expect(execute).toMatchObject({ method: "POST", connectorUuid, url: `${app.demo.url}/actions/createRecord/execute`, integrationSlug: "demo_crm" });
    expect(execute.requestHeaders["x-request-id"]).toBe(execute.requestId);
    expect(JSON.parse(execute.requestBody!).connectorConfig).toEqual({ apiKey: REDACTED, region: "eu", oauthToken: REDACTED });
    expect(JSON.parse(execute.responseBody!).data.firstName).toBe(`Ann ${REDACTED}`);
    expect(await oneCall(`/connection/connectors/${connectorUuid}/calls/${listed.uuid}`)).toEqual(execute);
    for (const { uuid } of answer.calls) {
      const { status, text: detail } = await api(`/connection/customIntegrations/${customUuid}/calls/${uuid}`);
      expect(status).toBe(200);
      expect(detail).not.toContain(CANARY);
      expect(integrationCallCurl(IntegrationCallResponseBody.parse(JSON.parse(detail)).call)).not.toContain(CANARY);
    }
    expect(integrationCallCurl(execute)).toContain(`--data-raw '{"connectorConfig":{"apiKey":"${REDACTED}"`);
    // Newest first, and the repository holds the same, redacted before it was written.
    expect(answer.calls.map((call) => call.createdAt)).toEqual(answer.calls.map((call) => call.createdAt).sort().reverse());
    expect(JSON.stringify(await deps.db.integrationCalls.get(execute.workspaceUuid, { kind: "customIntegration", uuid: customUuid }, execute.uuid))).not.toContain(CANARY);
  });

  it("filters by endpoint, status and text, per server and per connector", async () => {
    const byConnector = await calls(`/connection/connectors/${connectorUuid}/calls`);
    expect(byConnector.calls.length).toBeGreaterThanOrEqual(4);
    expect(byConnector.calls.every((call) => call.connectorUuid === connectorUuid)).toBe(true);
    const failed = await calls(`/connection/connectors/${connectorUuid}/calls?status=4xx`);
    expect(failed.calls.map((call) => [call.endpoint, call.status])).toEqual([["/actions/createRecord/execute", 400]]);
    const autocompletes = await calls(`/connection/customIntegrations/${customUuid}/calls?endpoint=${encodeURIComponent("/autocompletes/listObjects")}`);
    expect(autocompletes.calls.map((call) => call.endpoint)).toEqual(["/autocompletes/listObjects"]);
    const found = await calls(`/connection/customIntegrations/${customUuid}/calls?search=ANN%40EXAMPLE.COM`);
    expect(found.calls.map((call) => call.endpoint)).toEqual(["/actions/createRecord/execute"]);
    expect((await calls(`/connection/customIntegrations/${customUuid}/calls?status=2xx&limit=1`)).calls).toHaveLength(1);
    expect((await api(`/connection/customIntegrations/${customUuid}/calls?status=teapot`)).status).toBe(400);
    expect((await api(`/connection/connectors/${crypto.randomUUID()}/calls`)).status).toBe(404);
    // One call only through its own server or connector.
    const [call] = byConnector.calls;
    expect((await api(`/connection/connectors/${connectorUuid}/calls/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await api(`/connection/connectors/${crypto.randomUUID()}/calls/${call!.uuid}`)).status).toBe(404);
    expect((await api(`/connection/customIntegrations/${crypto.randomUUID()}/calls/${call!.uuid}`)).status).toBe(404);
  });

  it("answers 403 to a member, on every route of the inspector", async () => {
    const { url } = await ok("/workspace/invitations", { role: "member" });
    const code = new URL(url).searchParams.get("code");
    const accepted = await fetch(`${app.origin}/api/v1/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code, account: { email: "m@relay.test", password: "member password 1", name: "M" } }),
    });
    expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
    const member = { cookie: accepted.headers.get("set-cookie")!.split(";")[0]! };
    const [call] = (await calls(`/connection/customIntegrations/${customUuid}/calls`)).calls;
    for (const route of [
      `/connection/customIntegrations/${customUuid}/calls`,
      `/connection/customIntegrations/${customUuid}/calls/${call!.uuid}`,
      `/connection/connectors/${connectorUuid}/calls`,
      `/connection/connectors/${connectorUuid}/calls/${call!.uuid}`,
    ]) {
      const answer = await api(route, { auth: member });
      expect(answer.status, route).toBe(403);
      expect(answer.text, route).not.toContain(call!.requestId);
    }
    // The member is signed in: the same cookie reads what members may.
    expect((await api("/connection/connectors/list", { auth: member })).status).toBe(200);
  });
});
