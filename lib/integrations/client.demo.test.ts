import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Integration } from "@/lib/contract";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { createIntegrationClient, type IntegrationClient } from "./client";
import { fetchManifest } from "./fetch-manifest";
import { IntegrationError } from "./integration-error";
import { normalizeManifest } from "./normalize-manifest";
import { loopbackOutbound } from "./testing/outbound";
import { createRateLimiter } from "./rate-limiter";

// The client against the demo integration over real HTTP, once per layout: the seed layout at
// `/`, the older one at `/legacy`. The same calls must work whichever layout the manifest reveals.
let demo: RunningDemoIntegrationServer;
const connector = { uuid: "c1", workspaceUuid: "w1", config: { apiKey: "demo-api-key", region: "eu" } };
const badConnector = { ...connector, config: { apiKey: "nope", region: "us" } };

beforeAll(async () => {
  demo = await startDemoIntegrationServer({ port: 0 });
});
afterAll(() => demo.close());

async function demoStats(): Promise<{ calls: Record<string, number>; idempotencyKeys: Record<string, number> }> {
  return (await fetch(`${demo.url}/_demo/stats`)).json();
}

async function oauthCode(baseUrl: string, redirectUri: string): Promise<string> {
  const page = await (await fetch(`${baseUrl}/oauth/authorize?redirect_uri=${encodeURIComponent(redirectUri)}&state=s`)).text();
  const code = /name="code" value="([0-9a-f]+)"/.exec(page)?.[1];
  expect(code, "the consent page carries a code").toBeDefined();
  return code!;
}

describe.each([
  { layout: "seed", prefix: "" },
  { layout: "legacy", prefix: "/legacy" },
] as const)("the demo integration in the $layout layout", ({ layout, prefix }) => {
  let baseUrl: string;
  let integration: Integration;
  let client: IntegrationClient;
  let extractorSlug: string;
  // Seed: the extractor's own objectType field; legacy: the model slug folded into the config.
  const contacts = (pageSize: number) => (layout === "seed" ? { objectType: "contacts", pageSize } : { slug: "contacts", pageSize });

  beforeAll(async () => {
    baseUrl = `${demo.url}${prefix}`;
    const fetched = await fetchManifest(baseUrl, { outbound: loopbackOutbound });
    expect(fetched.layout).toBe(layout);
    integration = Integration.parse(normalizeManifest(fetched, { slug: "demo-crm" }));
    extractorSlug = Object.keys(integration.extractors)[0]!;
    client = createIntegrationClient({
      baseUrl,
      layout: fetched.layout,
      rateLimit: integration.connector.rateLimit,
      limiter: createRateLimiter(),
      outbound: loopbackOutbound,
    });
  });

  it("normalizes the manifest: capabilities keyed by slug, one extractor", () => {
    expect(Object.keys(integration.autocompletes).sort()).toEqual(["listObjectProperties", "listObjects", "listOwners"]);
    expect(integration.autocompletes.listObjects).toEqual({ params: { jsonSchema: {} }, cacheExpirationInSeconds: 3600 });
    expect(Object.keys(integration.dynamicSchemas)).toEqual(["recordFields"]);
    expect(Object.keys(integration.extractors)).toEqual([layout === "seed" ? "records" : "model"]);
    expect(integration.extractors[extractorSlug]!.config.jsonSchema.required).toContain(layout === "seed" ? "objectType" : "slug");
    expect(integration.connector.rateLimit).toEqual({ unit: "second", max: 20 });
  });

  it("authenticates good credentials and reports bad ones", async () => {
    expect(await client.authenticate(connector)).toEqual({ outcome: "success" });
    expect(await client.authenticate(badConnector)).toMatchObject({ outcome: "error", reason: "unauthenticated" });
  });

  it("surfaces the server's message when credentials are refused", async () => {
    const error = await client.listUsers(badConnector).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ kind: "errorResponse", status: 401, message: "Invalid API key" });
  });

  it("lists users", async () => {
    const users = await client.listUsers(connector);
    expect(users).toHaveLength(8);
    expect(users[0]).toHaveProperty("email");
  });

  it("autocompletes with params and a search value", async () => {
    const properties = await client.autocomplete(connector, "listObjectProperties", { objectType: "deals" });
    expect(properties.results.map((result) => result.value)).toContain("amount");
    const everyone = await client.autocomplete(connector, "listOwners", {});
    const someone = everyone.results[0]!.label;
    const found = await client.autocomplete(connector, "listOwners", {}, someone);
    expect(found.results.map((result) => result.label)).toEqual([someone]);
  });

  it("builds a dynamic schema", async () => {
    const schema = await client.dynamicSchema(connector, "recordFields", { objectType: "companies" });
    expect(schema.jsonSchema).toHaveProperty("properties.name");
  });

  it("executes an action, sending the Idempotency-Key", async () => {
    const key = `create-${layout}`;
    const config = { objectType: "companies", fields: { name: `Client ${layout} Inc` } };
    const first = await client.executeAction(connector, "createRecord", config, { idempotencyKey: key });
    const replay = await client.executeAction(connector, "createRecord", config, { idempotencyKey: key });
    expect(first).toMatchObject({ outcome: "executed" });
    expect(replay).toEqual(first);
    expect((await demoStats()).idempotencyKeys[key]).toBe(1);
  });

  it("passes isDryExecution through", async () => {
    const dry = await client.executeAction(connector, "createRecord", { objectType: "companies", fields: { name: "Dry" } }, { isDryExecution: true });
    expect(dry).toMatchObject({ outcome: "executed" });
    expect(JSON.stringify(dry)).toMatch(/would/i);
  });

  it("fetches extractor pages with the cursor, and counts", async () => {
    const first = await client.fetchExtractor(connector, extractorSlug, contacts(5), { modelUuid: "m1" });
    expect(first.outcome).toBe("fetched");
    if (first.outcome !== "fetched" || first.data.kind !== "records") throw new Error("expected a records page");
    expect(first.data.records).toHaveLength(5);
    expect(first.data.hasMore).toBe(true);
    const second = await client.fetchExtractor(connector, extractorSlug, contacts(5), { modelUuid: "m1", meta: first.data.meta });
    if (second.outcome !== "fetched" || second.data.kind !== "records") throw new Error("expected a records page");
    expect(second.data.records[0]!.record.id).not.toBe(first.data.records[0]!.record.id);
    expect(await client.countExtractor(connector, extractorSlug, contacts(5))).toEqual({ count: 50 });
  });

  it("completes OAuth with a code from the consent page", async () => {
    const redirectUri = "http://127.0.0.1:3000/oauth/callback";
    const { value } = await client.completeOauth(await oauthCode(baseUrl, redirectUri), redirectUri);
    expect(value.length).toBeGreaterThan(10);
  });

  it("called the routes of its own layout", async () => {
    const calls = Object.keys((await demoStats()).calls);
    const expected =
      layout === "seed"
        ? ["POST /autocompletes/listOwners", "POST /dynamicSchemas/recordFields", "POST /extractors/records/count"]
        : ["POST /legacy/autocomplete", "POST /legacy/getDynamicSchema", "POST /legacy/model/fetch", "POST /legacy/model/count"];
    expect(calls).toEqual(expect.arrayContaining(expected));
  });
});
