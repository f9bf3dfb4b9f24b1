import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  AuthenticateResponseBody,
  AutocompleteResponseBody,
  CompleteOauthResponseBody,
  CountExtractorResponseBody,
  DynamicSchemaResponseBody,
  ExecuteActionResponseBody,
  FetchExtractorResponseBody,
  IntegrationManifest,
  LegacyIntegrationManifest,
  ListUsersResponseBody,
  detectManifestLayout,
} from "@/lib/contract";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { callIntegration } from "./http";
import { IntegrationError } from "./integration-error";
import { loopbackOutbound } from "./testing/outbound";

// Every endpoint of the demo integration, in both layouts, over real HTTP, must answer what the
// contract schemas accept: the demo is the project's reference server and test fixture.
let demo: RunningDemoIntegrationServer;
const connectorConfig = { apiKey: "demo-api-key", region: "eu" };
const connector = { uuid: "c1", workspaceUuid: "w1", config: connectorConfig };

beforeAll(async () => {
  demo = await startDemoIntegrationServer({ port: 0 });
});
afterAll(() => demo.close());

async function post<S extends z.ZodType>(schema: S, path: string, body: unknown, headers?: Record<string, string>) {
  const answer = await callIntegration(`${demo.url}${path}`, { method: "POST", body, headers }, { outbound: loopbackOutbound });
  const parsed = schema.safeParse(answer);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data as z.infer<S>;
}

async function oauthCode(prefix: string, redirectUri: string): Promise<string> {
  const url = `${demo.url}${prefix}/oauth/authorize?redirect_uri=${encodeURIComponent(redirectUri)}&state=s1`;
  const page = await (await fetch(url)).text();
  const code = /name="code" value="([0-9a-f]+)"/.exec(page)?.[1];
  expect(code, "the consent page carries a code").toBeDefined();
  return code!;
}

describe("demo integration, seed layout", () => {
  it("serves a manifest the contract accepts, in the seed layout", async () => {
    const raw = await callIntegration(`${demo.url}/manifest`, { method: "GET" }, { outbound: loopbackOutbound });
    expect(detectManifestLayout(raw)).toBe("seed");
    const manifest = IntegrationManifest.parse(raw);
    expect(Object.keys(manifest.actions)).toEqual(
      expect.arrayContaining(["createRecord", "updateRecord", "findRecords", "exportRecords", "simulateError"]),
    );
    expect(manifest.connector.rateLimit).toEqual({ unit: "second", max: 20 });
  });

  it("authenticate: success for demo-api-key, an unauthenticated error otherwise", async () => {
    expect(await post(AuthenticateResponseBody, "/authenticate", { connectorConfig })).toEqual({ outcome: "success" });
    const error = await post(AuthenticateResponseBody, "/authenticate", { connectorConfig: { apiKey: "nope", region: "us" } });
    expect(error).toMatchObject({ outcome: "error", reason: "unauthenticated" });
  });

  it("listUsers answers a bare array", async () => {
    const users = await post(ListUsersResponseBody, "/listUsers", { connectorConfig });
    expect(users.length).toBeGreaterThan(0);
  });

  it.each([
    ["listObjects", {}],
    ["listObjectProperties", { objectType: "deals" }],
    ["listOwners", {}],
  ])("autocomplete %s", async (slug, params) => {
    const { results } = await post(AutocompleteResponseBody, `/autocompletes/${slug}`, { connectorConfig, params });
    expect(results.length).toBeGreaterThan(0);
  });

  it("dynamic schema recordFields", async () => {
    const schema = await post(DynamicSchemaResponseBody, "/dynamicSchemas/recordFields", {
      connectorConfig,
      params: { objectType: "companies" },
    });
    expect(schema.jsonSchema).toHaveProperty("properties");
  });

  it("executes every action with an outcome the contract accepts", async () => {
    const created = await post(ExecuteActionResponseBody, "/actions/createRecord/execute", {
      connectorConfig,
      actionConfig: { objectType: "companies", fields: { name: "Conformance Inc" } },
    });
    expect(created.outcome).toBe("executed");
    await post(ExecuteActionResponseBody, "/actions/findRecords/execute", {
      connectorConfig,
      actionConfig: { objectType: "companies", property: "name", value: "Conformance Inc" },
    });
    await post(ExecuteActionResponseBody, "/actions/lookupRecord/execute", {
      connectorConfig,
      actionConfig: { objectType: "contacts", id: "con_001" },
    });
    await post(ExecuteActionResponseBody, "/actions/updateRecord/execute", {
      connectorConfig,
      actionConfig: { objectType: "contacts", recordId: "con_001", mappings: [{ name: "firstName", value: "Ada" }] },
    });
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      const answer = await post(
        ExecuteActionResponseBody,
        "/actions/exportRecords/execute",
        { connectorConfig, actionConfig: { objectType: "deals" } },
        { "idempotency-key": "conformance-export" },
      );
      outcomes.push(answer.outcome);
    }
    expect(outcomes).toEqual(["executing", "executing", "executed"]);
  });

  it("a failing action answers its status with an errorMessage", async () => {
    const error = await callIntegration(`${demo.url}/actions/simulateError/execute`, {
      method: "POST",
      body: { connectorConfig, actionConfig: { status: 422, message: "Deal is locked" } },
    }, { outbound: loopbackOutbound }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ status: 422, message: "Deal is locked" });
  });

  it("extractor fetch pages and count", async () => {
    const page = await post(FetchExtractorResponseBody, "/extractors/records/fetch", {
      connectorConfig,
      extractorConfig: { objectType: "contacts" },
    });
    expect(page.outcome).toBe("fetched");
    const { count } = await post(CountExtractorResponseBody, "/extractors/records/count", {
      connectorConfig,
      extractorConfig: { objectType: "contacts" },
    });
    expect(count).toBeGreaterThanOrEqual(50);
  });

  it("completeOauth trades a code from the consent page for a token", async () => {
    const redirectUri = "http://127.0.0.1:3000/oauth/callback";
    const code = await oauthCode("", redirectUri);
    const { value } = await post(CompleteOauthResponseBody, "/completeOauth", { code, redirectUri });
    expect(value.length).toBeGreaterThan(10);
  });
});

describe("demo integration, older layout under /legacy", () => {
  it("serves a legacy manifest", async () => {
    const raw = await callIntegration(`${demo.url}/legacy/manifest`, { method: "GET" }, { outbound: loopbackOutbound });
    expect(detectManifestLayout(raw)).toBe("legacy");
    LegacyIntegrationManifest.parse(raw);
  });

  it("answers every legacy route in contract shapes", async () => {
    expect(await post(AuthenticateResponseBody, "/legacy/authenticate", { connector })).toEqual({ outcome: "success" });
    await post(ListUsersResponseBody, "/legacy/listUsers", { connector });
    await post(AutocompleteResponseBody, "/legacy/autocomplete", { connector, slug: "listObjectProperties", params: { objectType: "contacts" } });
    await post(DynamicSchemaResponseBody, "/legacy/getDynamicSchema", { connector, slug: "recordFields", params: { objectType: "deals" } });
    await post(ExecuteActionResponseBody, "/legacy/actions/findRecords/execute", {
      connector,
      config: { objectType: "contacts", property: "lastName", value: "x" },
    });
    await post(FetchExtractorResponseBody, "/legacy/model/fetch", { connector, uuid: "m1", slug: "deals", config: {} });
    await post(CountExtractorResponseBody, "/legacy/model/count", { connector, slug: "deals", config: {} });
    const redirectUri = "http://127.0.0.1:3000/oauth/callback";
    const code = await oauthCode("/legacy", redirectUri);
    await post(CompleteOauthResponseBody, "/legacy/completeOauth", { params: { code, redirectUri } });
  });
});
