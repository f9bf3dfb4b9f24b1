import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { findSecretPaths } from "@/lib/vault";
import { loopbackOutbound } from "../testing/outbound";
import { reply, startTestServer, type TestServer } from "../testing/test-server";
import { NativeActionError } from "./native-action-error";
import { connectorConfigSchema, defineNativeAction, defineNativeIntegration, toAuth, type NativeIntegrationDefinition } from "./sdk";
import { authenticateNative, runNativeAction } from "./sdk-run";

const echo = defineNativeAction({
  key: "acme.echo",
  name: "Echo",
  description: "Sends the inputs back",
  provider: "acme",
  authType: "bearer_token",
  inputSchema: z.object({
    text: z.string().min(1).meta({ title: "Text" }),
    times: z.number().int().min(1).default(1),
    loud: z.boolean().optional(),
    mode: z.enum(["plain", "json"]).default("plain"),
  }),
  outputSchema: z.object({ echoed: z.string() }),
  run: async ({ auth, inputs, baseUrl, fetch }) => {
    if (inputs.text === "throw") throw new Error(`exploded with ${auth.type === "bearer_token" ? auth.token : ""}`);
    if (inputs.text === "zod") z.object({ missing: z.string() }).parse({});
    if (inputs.text === "shape") return { wrong: true };
    const res = await fetch(`${baseUrl}/echo`, { method: "POST", body: JSON.stringify(inputs) });
    return { echoed: ((await res.json()) as { text: string }).text.repeat(inputs.times) };
  },
});

const definition: NativeIntegrationDefinition = {
  slug: "acme",
  name: "Acme",
  description: "A test provider",
  icon: "<svg/>",
  color: "#123456",
  category: "enrichment",
  authType: "bearer_token",
  defaultBaseUrl: "https://api.acme.test",
  actions: [echo],
};
const acme = defineNativeIntegration(definition);
const TOKEN = "acme-secret-token";

describe("defineNativeIntegration", () => {
  it("builds the Integration view: actions keyed by key, inputSchema as draft-07 JSON Schema, scalar fields as expressions", () => {
    const view = acme.integration;
    expect(view).toMatchObject({ slug: "acme", kind: "custom", category: "enrichment", layout: null, extractors: {}, users: null });
    const action = view.actions["acme.echo"]!;
    expect(action.name).toBe("Echo");
    expect(action.config.jsonSchema).toEqual({
      type: "object",
      properties: {
        text: { type: "string", minLength: 1, title: "Text" },
        times: { type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: 1 },
        loud: { type: "boolean" },
        mode: { type: "string", enum: ["plain", "json"], default: "plain" },
      },
      required: ["text"],
    });
    expect(action.config.uiSchema).toEqual({
      text: { "ui:widget": "ExpressionWidget" },
      times: { "ui:widget": "ExpressionWidget" },
      loud: { "ui:widget": "ExpressionWidget" },
    });
    expect(action.output).toEqual({ schema: expect.objectContaining({ properties: { echoed: { type: "string" } }, required: ["echoed"] }) });
  });

  it("refuses an action of another provider, another authType, a foreign key or a duplicate", () => {
    expect(() => defineNativeIntegration({ ...definition, actions: [{ ...echo, provider: "other" }] })).toThrow(/provider is "other"/);
    expect(() => defineNativeIntegration({ ...definition, actions: [{ ...echo, authType: "api_key" }] })).toThrow(/expects api_key/);
    expect(() => defineNativeIntegration({ ...definition, actions: [{ ...echo, key: "other.echo" }] })).toThrow(/must start with "acme."/);
    expect(() => defineNativeIntegration({ ...definition, actions: [echo, echo] })).toThrow(/declared twice/);
  });
});

describe("connector config per authType", () => {
  it.each([
    ["oauth2", ["access_token"], ["access_token", "refresh_token"]],
    ["api_key", ["api_key"], ["api_key"]],
    ["bearer_token", ["token"], ["token"]],
  ] as const)("%s asks for %j, every credential secret, plus an optional base URL", (authType, required, secrets) => {
    const { jsonSchema, uiSchema } = connectorConfigSchema(authType, "https://api.example.com");
    expect(jsonSchema.required).toEqual(required);
    expect(Object.keys(jsonSchema.properties as object)).toEqual([...secrets, "baseUrl"]);
    expect((jsonSchema.properties as Record<string, unknown>).baseUrl).toMatchObject({ type: "string", title: "API base URL", format: "uri", default: "https://api.example.com" });
    expect(findSecretPaths(jsonSchema, uiSchema)).toEqual(secrets.map((name) => [name]));
  });
});

describe("toAuth", () => {
  it("normalizes each credential type and leaves the base URL out", () => {
    expect(toAuth("openai", "api_key", { api_key: "sk-1", baseUrl: "http://x" })).toEqual({ provider: "openai", type: "api_key", api_key: "sk-1" });
    expect(toAuth("slack", "oauth2", { access_token: "xoxb-1" })).toEqual({ provider: "slack", type: "oauth2", access_token: "xoxb-1" });
    expect(toAuth("slack", "oauth2", { access_token: "xoxb-1", refresh_token: "r-1" })).toEqual({
      provider: "slack",
      type: "oauth2",
      access_token: "xoxb-1",
      refresh_token: "r-1",
    });
    expect(toAuth("acme", "bearer_token", { token: "t-1" })).toEqual({ provider: "acme", type: "bearer_token", token: "t-1" });
  });

  it("refuses a config without the credential its authType needs", () => {
    expect(() => toAuth("openai", "api_key", { token: "t-1" })).toThrow(new NativeActionError("invalidCredentials", "The openai connector has no api_key; its integration expects api_key credentials"));
    expect(() => toAuth("slack", "oauth2", { access_token: "" })).toThrow(/has no access_token/);
  });
});

describe("runNativeAction", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());
  const run = (inputs: unknown, options: { baseUrl?: string; timeoutMs?: number; signal?: AbortSignal } = {}) =>
    runNativeAction(acme, "acme.echo", {
      connectorConfig: { token: TOKEN, baseUrl: options.baseUrl ?? server?.url },
      inputs,
      workspaceUuid: "w",
      runId: "r",
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      outbound: loopbackOutbound,
    });
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected an error"), (error: unknown) => error as NativeActionError);

  it("parses the inputs (defaults applied) and returns the checked output", async () => {
    server = await startTestServer((request, res) => reply(res, 200, request.body));
    expect(await run({ text: "ab", times: 2 })).toEqual({ echoed: "abab" });
    expect(server.seen[0]!.body).toEqual({ text: "ab", times: 2, mode: "plain" });
  });

  it("an unknown action key is an unknownAction error", async () => {
    const error = await failure(runNativeAction(acme, "acme.nope", { connectorConfig: { token: TOKEN }, inputs: {}, workspaceUuid: "w", runId: "r" }));
    expect(error).toMatchObject({ kind: "unknownAction", message: 'Acme has no action "acme.nope"', retryable: false });
  });

  it("an Error thrown by run keeps its message, without the token", async () => {
    const error = await failure(run({ text: "throw" }));
    expect(error).toMatchObject({ kind: "failed", message: "Acme: exploded with ••••••••" });
  });

  it("a zod error thrown inside run is an invalidInputs error", async () => {
    expect(await failure(run({ text: "zod" }))).toMatchObject({ kind: "invalidInputs", message: "Invalid inputs: missing: Invalid input: expected string, received undefined" });
  });

  it("an output that fails the outputSchema is a badResponse", async () => {
    expect(await failure(run({ text: "shape" }))).toMatchObject({ kind: "badResponse" });
  });

  it("a provider that cannot be reached is a retryable unreachable error", async () => {
    const closed = await startTestServer(() => {});
    await closed.close();
    const error = await failure(run({ text: "hi" }, { baseUrl: closed.url }));
    expect(error).toMatchObject({ kind: "unreachable", retryable: true, message: `Could not reach Acme at ${closed.url}: ECONNREFUSED` });
  });

  it("a provider slower than the budget is a timeout", async () => {
    server = await startTestServer(() => {});
    const error = await failure(run({ text: "hi" }, { timeoutMs: 100 }));
    expect(error).toMatchObject({ kind: "timeout", message: "Acme did not answer within 0.1 s", retryable: true });
  });

  it("a cancelled call rejects with the signal's reason", async () => {
    server = await startTestServer(() => {});
    const controller = new AbortController();
    const pending = run({ text: "hi" }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("run cancelled")), 50);
    await expect(pending).rejects.toThrow("run cancelled");
  });

  it("a base URL that is not http(s) is refused", async () => {
    expect(await failure(run({ text: "hi" }, { baseUrl: "file:///etc/passwd" }))).toMatchObject({ kind: "invalidCredentials" });
  });
});

describe("authenticateNative", () => {
  it("succeeds without a check when the integration has no authenticate, and refuses missing credentials", async () => {
    expect(await authenticateNative(acme, { connectorConfig: { token: TOKEN }, workspaceUuid: "w" })).toEqual({ outcome: "success", checked: false });
    expect(await authenticateNative(acme, { connectorConfig: {}, workspaceUuid: "w" })).toEqual({
      outcome: "error",
      errorMessage: "The acme connector has no token; its integration expects bearer_token credentials",
    });
  });
});
