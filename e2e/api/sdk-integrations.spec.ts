import fs from "node:fs";
import {
  ApiErrorResponseBody,
  ConnectorAuthenticateResponseBody,
  ConnectorResponseBody,
  ExecuteConnectorActionResponseBody,
  IntegrationListResponseBody,
  IntegrationResponseBody,
} from "@/lib/contract";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { E2E_APP_LOG } from "../ports";
import { json, startFakeIntegration, type FakeIntegration } from "../support/fake-integration";

const BASE = "/api/v1/connection";
const MASK = "••••••••";
const API_KEY = `sk-e2e-${Date.now().toString(36)}-secret`;
let counter = 0;

/** A stand-in for api.openai.com: checks the key, answers a chat completion that quotes the prompt. */
async function startFakeOpenAi() {
  const authorizations: string[] = [];
  const completions: unknown[] = [];
  const authorized = (header: string | undefined) => {
    authorizations.push(header ?? "");
    return header === `Bearer ${API_KEY}`;
  };
  const server = await startFakeIntegration({
    "GET /v1/models": (req, _body, res) =>
      authorized(req.headers.authorization)
        ? json(res, 200, { object: "list", data: [{ id: "gpt-4o-mini" }] })
        : json(res, 401, { error: { message: "Incorrect API key provided", code: "invalid_api_key" } }),
    "POST /v1/chat/completions": (req, body, res) => {
      if (!authorized(req.headers.authorization)) return json(res, 401, { error: { message: "Incorrect API key provided" } });
      completions.push(body);
      const { messages } = body as { messages: Array<{ content: string }> };
      if (messages[0]!.content === "too long") return json(res, 400, { error: { message: "This model's maximum context length is 128000 tokens" } });
      json(res, 200, {
        id: "chatcmpl-e2e",
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: `Echo: ${messages[0]!.content}` }, finish_reason: "stop" }],
      });
    },
  });
  return { ...server, authorizations, completions };
}

async function createOpenAiConnector(request: APIRequestContext, fake: FakeIntegration, apiKey = API_KEY) {
  return request.post(`${BASE}/connectors`, {
    data: { integrationSlug: "openai", slug: `openai_e2e_${Date.now().toString(36)}_${counter++}`, name: "OpenAI (fake)", config: { api_key: apiKey, baseUrl: fake.url } },
  });
}

test.describe("integrations written with the SDK", () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAi>>;
  const created: string[] = [];
  test.beforeEach(async () => {
    fake = await startFakeOpenAi();
  });
  test.afterEach(async ({ request }) => {
    for (const uuid of created.splice(0)) await request.delete(`${BASE}/connectors/${uuid}`);
    await fake.close();
  });

  test("the catalog lists Slack, Gmail and OpenAI with their actions and connector forms", async ({ request }) => {
    const list = IntegrationListResponseBody.parse(await (await request.get(`${BASE}/integrations/list`)).json()).integrations;
    const bySlug = Object.fromEntries(list.map((i) => [i.slug, i]));
    expect(bySlug.slack).toMatchObject({ name: "Slack", category: "engagement", layout: null, status: "ok", actions: [{ slug: "slack.sendMessage", name: "Send message" }] });
    expect(bySlug.gmail).toMatchObject({ name: "Gmail", category: "engagement", actions: [{ slug: "gmail.sendEmail" }] });
    expect(bySlug.openai).toMatchObject({ name: "OpenAI", category: "enrichment", actions: [{ slug: "openai.chatCompletion" }] });
    expect(bySlug.demo_crm).toMatchObject({ kind: "custom", layout: "seed" });
    const ai = IntegrationListResponseBody.parse(await (await request.get(`${BASE}/integrations/list?category=enrichment&search=openai`)).json());
    expect(ai.integrations.map((i) => i.slug)).toEqual(["openai"]);

    const { integration } = IntegrationResponseBody.parse(await (await request.get(`${BASE}/integrations/openai`)).json());
    expect(integration.connector.config.jsonSchema).toMatchObject({
      required: ["api_key"],
      properties: { api_key: { format: "password" }, baseUrl: { format: "uri", default: "https://api.openai.com" } },
    });
    expect(integration.actions["openai.chatCompletion"]!.config).toMatchObject({
      jsonSchema: { required: ["prompt"], properties: { prompt: { type: "string" }, model: { default: "gpt-4o-mini" } } },
      uiSchema: { prompt: { "ui:widget": "ExpressionWidget" } },
    });
  });

  test("an OpenAI connector pointed at a fake server executes a chat completion and never gives its key back", async ({ request }) => {
    const response = await createOpenAiConnector(request, fake);
    expect(response.status(), await response.text()).toBe(200);
    const { connector } = ConnectorResponseBody.parse(await response.json());
    created.push(connector.uuid);
    expect(connector.config).toEqual({ api_key: MASK, baseUrl: fake.url });
    expect(fake.hits.map((hit) => `${hit.method} ${hit.path}`)).toEqual(["GET /v1/models"]);

    const executed = await request.post(`${BASE}/connectors/${connector.uuid}/actions/openai.chatCompletion/execute`, {
      data: { config: { prompt: "What is 2 + 2?" } },
    });
    expect(executed.status(), await executed.text()).toBe(200);
    const outcome = ExecuteConnectorActionResponseBody.parse(await executed.json());
    expect(outcome).toMatchObject({ outcome: "executed", title: "Chat completion", data: { id: "chatcmpl-e2e", text: "Echo: What is 2 + 2?" } });
    expect(fake.completions).toEqual([{ model: "gpt-4o-mini", messages: [{ role: "user", content: "What is 2 + 2?" }] }]);
    expect(fake.authorizations.every((header) => header === `Bearer ${API_KEY}`)).toBe(true);

    const read = await request.get(`${BASE}/connectors/${connector.uuid}`);
    expect(await read.text()).not.toContain(API_KEY);
    expect(ConnectorResponseBody.parse(await read.json()).connector.config.api_key).toBe(MASK);
    const listed = await request.get(`${BASE}/connectors/list?integrationSlug=openai`);
    expect(await listed.text()).not.toContain(API_KEY);

    const retested = ConnectorAuthenticateResponseBody.parse(await (await request.post(`${BASE}/connectors/${connector.uuid}/authenticate`)).json());
    expect(retested).toMatchObject({ outcome: "success", connector: { lastTest: { outcome: "success" } } });
    expect(fs.readFileSync(E2E_APP_LOG, "utf8")).not.toContain(API_KEY);
  });

  test("the provider's error message comes back, as a 422 on create and a 502 on execute", async ({ request }) => {
    const refused = await createOpenAiConnector(request, fake, "sk-wrong");
    expect(refused.status()).toBe(422);
    expect(ApiErrorResponseBody.parse(await refused.json())).toMatchObject({ errorMessage: "OpenAI: Incorrect API key provided", reason: "unauthenticated" });

    const response = await createOpenAiConnector(request, fake);
    const { connector } = ConnectorResponseBody.parse(await response.json());
    created.push(connector.uuid);
    const failed = await request.post(`${BASE}/connectors/${connector.uuid}/actions/openai.chatCompletion/execute`, { data: { config: { prompt: "too long" } } });
    expect(failed.status()).toBe(502);
    expect(ApiErrorResponseBody.parse(await failed.json()).errorMessage).toBe("OpenAI: This model's maximum context length is 128000 tokens");

    const invalid = await request.post(`${BASE}/connectors/${connector.uuid}/actions/openai.chatCompletion/execute`, { data: { config: {} } });
    expect(invalid.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await invalid.json()).problems?.map((p) => p.path)).toEqual(["prompt"]);
  });

  test("pointing a saved connector at another server needs the key entered again", async ({ request }) => {
    const { connector } = ConnectorResponseBody.parse(await (await createOpenAiConnector(request, fake)).json());
    created.push(connector.uuid);
    const moved = await request.put(`${BASE}/connectors/${connector.uuid}`, { data: { config: { api_key: MASK, baseUrl: "http://127.0.0.1:9" } } });
    expect(moved.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await moved.json()).errorMessage).toMatch(/Enter the credentials again/);
    expect(fake.hits.filter((hit) => hit.path === "/v1/models")).toHaveLength(1);
  });
});
