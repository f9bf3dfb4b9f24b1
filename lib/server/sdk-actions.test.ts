import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID, openDatabase, type Database } from "@/lib/db";
import { loopbackOutbound } from "@/lib/integrations/testing/outbound";
import { reply, startTestServer, type TestServer } from "@/lib/integrations/testing/test-server";
import { createVault } from "@/lib/vault";
import type { ConnectorCtx } from "./connector-access";
import { createEngineActions } from "./engine-actions";
import { createConnector, getConnector, testConnector, testConnectorConfig, updateConnector } from "./connectors";
import type { AppError } from "./errors";
import { executeConnectorAction } from "./execute-action";
import { integrationDocumentation, listIntegrations } from "./integration-catalog";
import { createIntegrationRegistry } from "./integration-registry";
import { defineNativeIntegration } from "@/lib/integrations/native";
import { authenticateSdkConnector, runHttpRequest } from "./sdk-actions";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

const WS = DEFAULT_WORKSPACE_UUID;
const KEY = "sk-live-openai-secret-key";
const MASK = "••••••••";

describe("SDK integrations through the connector functions", () => {
  let dataDir: string;
  let storage: TestStorage;
  let db: Database;
  let ctx: ConnectorCtx;
  let openai: TestServer;

  beforeAll(async () => {
    storage = await createTestStorage("sdk-actions-");
    dataDir = storage.dataDir;
    db = await openDatabase({ dataDir, databaseUrl: storage.databaseUrl });
    ctx = { db, integrations: createIntegrationRegistry(db, { outbound: loopbackOutbound }), vault: createVault(Buffer.alloc(32, 7)) };
    openai = await startTestServer((request, res) => {
      const authorized = request.headers.authorization === `Bearer ${KEY}`;
      if (!authorized) return reply(res, 401, { error: { message: `Incorrect API key provided: ${request.headers.authorization?.slice(7)}` } });
      if (request.path === "/v1/models") return reply(res, 200, { object: "list", data: [] });
      const prompt = (request.body as { messages: Array<{ content: string }> }).messages[0]!.content;
      if (prompt === "fail") return reply(res, 400, { error: { message: "This model's maximum context length is exceeded" } });
      reply(res, 200, { id: "c1", choices: [{ message: { role: "assistant", content: `You said: ${prompt}` } }] });
    });
  });
  afterAll(async () => {
    await openai.close();
    await db.close();
    await storage.cleanup();
  });

  const create = (config: Record<string, unknown>) =>
    createConnector(ctx, WS, { integrationSlug: "openai", slug: `openai_${Math.random().toString(36).slice(2, 8)}`, name: "OpenAI", config });
  const appError = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected an AppError"), (error: unknown) => error as AppError);

  it("the catalog lists Slack, Gmail and OpenAI after the built-in integration, with their categories and actions", async () => {
    const summaries = await listIntegrations(ctx, WS);
    expect(summaries.slice(0, 4).map((s) => [s.slug, s.category, s.actions.map((a) => a.slug)])).toEqual([
      ["native", "freeform", expect.any(Array)],
      ["slack", "engagement", ["slack.sendMessage"]],
      ["gmail", "engagement", ["gmail.sendEmail"]],
      ["openai", "enrichment", ["openai.chatCompletion"]],
    ]);
    expect(await listIntegrations(ctx, WS, { search: "openai" })).toHaveLength(1);
    const { integration } = await ctx.integrations.get(WS, "openai");
    expect(integrationDocumentation(integration)).toContain("- Chat completion (`openai.chatCompletion`)");
    expect(() => ctx.integrations.clientFor({ integration, custom: null })).toThrow(/runs inside the app/);
  });

  it("creating a connector checks the key with the integration's authenticate, and never shows it again", async () => {
    const connector = await create({ api_key: KEY, baseUrl: openai.url });
    expect(connector.config).toEqual({ api_key: MASK, baseUrl: openai.url });
    expect(connector.lastTest).toMatchObject({ outcome: "success" });
    expect(openai.seen.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(JSON.stringify(await getConnector(ctx, WS, connector.uuid))).not.toContain(KEY);
  });

  it("a refused key is a 422 with the provider's message, secret removed, and nothing is saved", async () => {
    const error = await appError(create({ api_key: "sk-wrong-key-123", baseUrl: openai.url }));
    expect(error).toMatchObject({ status: 422, reason: "unauthenticated", message: `OpenAI: Incorrect API key provided: ${MASK}` });
    expect(await testConnectorConfig(ctx, WS, "openai", { api_key: "sk-wrong-key-123", baseUrl: openai.url })).toEqual({
      outcome: "error",
      errorMessage: `OpenAI: Incorrect API key provided: ${MASK}`,
    });
    expect(await testConnectorConfig(ctx, WS, "openai", { api_key: KEY, baseUrl: openai.url })).toEqual({ outcome: "success" });
  });

  it("executes an SDK action through the connector, as the playground does", async () => {
    const connector = await create({ api_key: KEY, baseUrl: openai.url });
    const executed = await executeConnectorAction(ctx, WS, connector.uuid, "openai.chatCompletion", { prompt: "hello" });
    expect(executed).toMatchObject({ outcome: "executed", title: "Chat completion", attempts: 1, data: { id: "c1", text: "You said: hello" } });
    expect(openai.seen.at(-1)).toMatchObject({ path: "/v1/chat/completions", body: { model: "gpt-4o-mini" } });

    expect(await appError(executeConnectorAction(ctx, WS, connector.uuid, "openai.chatCompletion", { prompt: "fail" }))).toMatchObject({
      status: 502,
      message: "OpenAI: This model's maximum context length is exceeded",
    });
    expect(await appError(executeConnectorAction(ctx, WS, connector.uuid, "openai.chatCompletion", {}))).toMatchObject({ status: 400 });
    expect(await appError(executeConnectorAction(ctx, WS, connector.uuid, "openai.nope", {}))).toMatchObject({ status: 404 });
  });

  it("re-testing a saved connector calls authenticate and records the result", async () => {
    const connector = await create({ api_key: KEY, baseUrl: openai.url });
    const tested = await testConnector(ctx, WS, connector.uuid);
    expect(tested).toMatchObject({ outcome: "success", connector: { lastTest: { outcome: "success" } } });
    expect(tested).not.toHaveProperty("message");
  });

  it("moving a connector to another base URL needs the key entered again", async () => {
    const connector = await create({ api_key: KEY, baseUrl: openai.url });
    const moved = await appError(updateConnector(ctx, WS, connector.uuid, { config: { api_key: MASK, baseUrl: "http://127.0.0.1:9" } }));
    expect(moved).toMatchObject({ status: 400, message: expect.stringContaining("Enter the credentials again") });
    const renamed = await updateConnector(ctx, WS, connector.uuid, { name: "Renamed", config: { api_key: MASK, baseUrl: `${openai.url}/` } });
    expect(renamed.name).toBe("Renamed");
  });

  it("the engine's action port runs SDK actions too, and its errors say whether to retry", async () => {
    const connector = await create({ api_key: KEY, baseUrl: openai.url });
    const port = createEngineActions(ctx);
    const call = (actionSlug: string, config: Record<string, unknown>) =>
      port.execute({ kind: "connector", workspaceUuid: WS, runUuid: "run-1", integrationSlug: "openai", actionSlug, connectorUuid: connector.uuid, config, idempotencyKey: "run-1:n", signal: new AbortController().signal });
    expect(await call("openai.chatCompletion", { prompt: "engine" })).toMatchObject({ outcome: "executed", title: "Chat completion", data: { text: "You said: engine" } });
    // The provider's 400 will not change on another attempt, and neither will an unknown action.
    await expect(call("openai.chatCompletion", { prompt: "fail" })).rejects.toMatchObject({ status: 502, retryable: false, cause: { name: "NativeActionError", kind: "providerError", status: 400 } });
    await expect(call("openai.nope", {})).rejects.toMatchObject({ status: 404, retryable: false });
  });

  it("runHttpRequest answers any status as output", async () => {
    const output = await runHttpRequest({ method: "GET", url: `${openai.url}/v1/models` }, { outbound: loopbackOutbound });
    expect(output).toMatchObject({ status: 401, body: { error: { message: expect.any(String) } } });
  });

  it("an SDK integration without authenticate passes the check, and says nothing was checked", async () => {
    const unchecked = defineNativeIntegration({
      slug: "acme",
      name: "Acme",
      description: "",
      icon: "",
      color: "#000000",
      category: "enrichment",
      authType: "bearer_token",
      defaultBaseUrl: "https://api.acme.test",
      actions: [],
    });
    const redact = (text: string) => text;
    expect(await authenticateSdkConnector(unchecked, { workspaceUuid: WS, config: { token: "t-123" } }, redact)).toEqual({
      outcome: "success",
      message: "Acme has no credential check: the credentials will be tried when an action first runs",
    });
    expect(await authenticateSdkConnector(unchecked, { workspaceUuid: WS, config: {} }, redact)).toMatchObject({ outcome: "error" });
  });
});
