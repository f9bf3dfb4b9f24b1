import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  ApiErrorResponseBody,
  ConnectorAuthenticateResponseBody,
  ConnectorListResponseBody,
  ConnectorResponseBody,
  ConnectorStartOauthResponseBody,
  CustomIntegrationResponseBody,
} from "@/lib/contract";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { E2E_DATA_DIR } from "../ports";

const BASE = "/api/v1/connection/connectors";
const MASK = "••••••••";
let counter = 0;
const uniqueSlug = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${counter++}`;

async function createDemoConnector(request: APIRequestContext, config: Record<string, unknown> = {}) {
  const response = await request.post(BASE, {
    data: { integrationSlug: "demo_crm", slug: uniqueSlug("demo"), name: "Demo account", config: { apiKey: "demo-api-key", region: "eu", ...config } },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ConnectorResponseBody.parse(await response.json()).connector;
}

test.describe("connectors API", () => {
  test("a wrong API key returns the server's errorMessage and saves nothing", async ({ request }) => {
    const slug = uniqueSlug("wrong");
    const response = await request.post(BASE, {
      data: { integrationSlug: "demo_crm", slug, name: "Wrong", config: { apiKey: "not-the-key", region: "us" } },
    });
    expect(response.status()).toBe(422);
    expect(ApiErrorResponseBody.parse(await response.json())).toMatchObject({
      errorMessage: "Invalid API key: use demo-api-key",
      reason: "unauthenticated",
    });
    expect((await (await request.get(`${BASE}/existsBySlug?slug=${slug}`)).json()).exists).toBe(false);
  });

  test("test connection checks credentials without saving anything", async ({ request }) => {
    const before = ConnectorListResponseBody.parse(await (await request.get(`${BASE}/list`)).json()).connectors.length;
    const wrong = await request.post(`${BASE}/test`, { data: { integrationSlug: "demo_crm", config: { apiKey: "nope", region: "us" } } });
    expect(await wrong.json()).toEqual({ outcome: "error", errorMessage: "Invalid API key: use demo-api-key" });
    const right = await request.post(`${BASE}/test`, { data: { integrationSlug: "demo_crm", config: { apiKey: "demo-api-key", region: "us" } } });
    expect(await right.json()).toEqual({ outcome: "success" });
    expect(ConnectorListResponseBody.parse(await (await request.get(`${BASE}/list`)).json()).connectors.length).toBe(before);
  });

  test("config is checked against the integration's schema before any call", async ({ request, demo }) => {
    const before = (await demo.stats()).calls["POST /authenticate"] ?? 0;
    const response = await request.post(BASE, {
      data: { integrationSlug: "demo_crm", slug: uniqueSlug("bad"), name: "Bad", config: { region: "mars" } },
    });
    expect(response.status()).toBe(400);
    const paths = ApiErrorResponseBody.parse(await response.json()).problems?.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["apiKey", "region"]));
    expect((await demo.stats()).calls["POST /authenticate"] ?? 0).toBe(before);
  });

  test("slugs: the alphabet is enforced, a taken slug is a 409, existsBySlug tells", async ({ request }) => {
    const connector = await createDemoConnector(request);
    expect((await (await request.get(`${BASE}/existsBySlug?slug=${connector.slug}`)).json()).exists).toBe(true);
    const taken = await request.post(BASE, {
      data: { integrationSlug: "demo_crm", slug: connector.slug, name: "Again", config: { apiKey: "demo-api-key", region: "us" } },
    });
    expect(taken.status()).toBe(409);
    const invalid = await request.post(BASE, {
      data: { integrationSlug: "demo_crm", slug: "has space!", name: "Bad slug", config: { apiKey: "demo-api-key", region: "us" } },
    });
    expect(invalid.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await invalid.json()).problems?.[0]?.path).toBe("slug");
  });

  test("a canary secret never leaves the server: not in responses, logs or the database file", async ({ request }) => {
    const canary = `canary-${Date.now()}-SECRET-7f3a9c`;
    const created = await createDemoConnector(request, { oauthToken: canary });
    const responses = [
      JSON.stringify(created),
      await (await request.get(`${BASE}/${created.uuid}`)).text(),
      await (await request.get(`${BASE}/list`)).text(),
      await (await request.put(`${BASE}/${created.uuid}`, { data: { name: "Renamed", config: { ...created.config, region: "us" } } })).text(),
      await (await request.post(`${BASE}/${created.uuid}/authenticate`)).text(),
    ];
    for (const text of responses) {
      expect(text).not.toContain(canary);
      expect(text).not.toContain("demo-api-key");
    }
    expect(created.config).toEqual({ apiKey: MASK, region: "eu", oauthToken: MASK });

    const files = fs.readdirSync(E2E_DATA_DIR).map((name) => path.join(E2E_DATA_DIR, name));
    for (const file of files) expect(fs.readFileSync(file).includes(canary), `${file} holds the canary`).toBe(false);
    if (process.env.E2E_DATABASE_URL) {
      // The Postgres pass: no table holds it either.
      const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
      await client.connect();
      try {
        const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => row.tablename as string);
        expect(tables).toContain("connectors");
        for (const table of tables) {
          const { rows } = await client.query(`SELECT * FROM ${table}`);
          expect(JSON.stringify(rows).includes(canary), `table ${table} holds the canary`).toBe(false);
        }
      } finally {
        await client.end();
      }
    } else {
      expect(files.some((file) => file.endsWith("app.db"))).toBe(true);
    }
  });

  test("an update that sends the mask back keeps the secret; a wrong new key is refused and changes nothing", async ({ request }) => {
    const connector = await createDemoConnector(request);
    const kept = await request.put(`${BASE}/${connector.uuid}`, { data: { config: { apiKey: MASK, region: "apac" } } });
    expect(kept.status()).toBe(200);
    expect(ConnectorResponseBody.parse(await kept.json()).connector.config).toMatchObject({ apiKey: MASK, region: "apac" });
    const retest = ConnectorAuthenticateResponseBody.parse(await (await request.post(`${BASE}/${connector.uuid}/authenticate`)).json());
    expect(retest.outcome).toBe("success");
    expect(retest.connector.lastTest).toMatchObject({ outcome: "success" });

    const wrong = await request.put(`${BASE}/${connector.uuid}`, { data: { config: { apiKey: "nope", region: "us" } } });
    expect(wrong.status()).toBe(422);
    const after = ConnectorResponseBody.parse(await (await request.get(`${BASE}/${connector.uuid}`)).json()).connector;
    expect(after.config.region).toBe("apac");
    expect((await request.post(`${BASE}/${connector.uuid}/authenticate`)).status()).toBe(200);
  });

  test("list filters by integration; delete removes", async ({ request }) => {
    const connector = await createDemoConnector(request);
    const list = async (query: string) => ConnectorListResponseBody.parse(await (await request.get(`${BASE}/list${query}`)).json()).connectors;
    expect((await list("?integrationSlug=demo_crm")).map((c) => c.uuid)).toContain(connector.uuid);
    expect(await list("?integrationSlug=native")).toEqual([]);
    expect((await request.delete(`${BASE}/${connector.uuid}`)).status()).toBe(200);
    expect((await request.get(`${BASE}/${connector.uuid}`)).status()).toBe(404);
    expect((await request.delete(`${BASE}/${connector.uuid}`)).status()).toBe(404);
  });

  test("autocomplete: params are validated, results cached, refresh bypasses, search value honoured", async ({ request, demo }) => {
    const connector = await createDemoConnector(request);
    const url = `${BASE}/${connector.uuid}/autocomplete`;
    const missing = await request.post(url, { data: { slug: "listObjectProperties", params: {} } });
    expect(missing.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await missing.json()).errorMessage).toMatch(/Invalid autocomplete params.*objectType/);

    const calls = async () => (await demo.stats()).calls["POST /autocompletes/listObjectProperties"] ?? 0;
    const start = await calls();
    const first = await (await request.post(url, { data: { slug: "listObjectProperties", params: { objectType: "deals" } } })).json();
    expect(first.results.map((r: { value: string }) => r.value)).toContain("amount");
    await request.post(url, { data: { slug: "listObjectProperties", params: { objectType: "deals" } } });
    expect(await calls()).toBe(start + 1);
    await request.post(url, { data: { slug: "listObjectProperties", params: { objectType: "deals" }, refresh: true } });
    expect(await calls()).toBe(start + 2);

    const owners = await (await request.post(url, { data: { slug: "listOwners", params: {}, value: "zzzz-nobody" } })).json();
    expect(owners.results).toEqual([]);
    expect((await request.post(url, { data: { slug: "noSuchAutocomplete", params: {} } })).status()).toBe(404);
  });

  test("dynamic schema and listUsers go through the connector", async ({ request }) => {
    const connector = await createDemoConnector(request);
    const schema = await request.post(`${BASE}/${connector.uuid}/dynamicSchema`, { data: { slug: "recordFields", params: { objectType: "companies" } } });
    expect(schema.status()).toBe(200);
    expect((await schema.json()).jsonSchema.properties).toHaveProperty("name");
    const users = await (await request.post(`${BASE}/${connector.uuid}/listUsers`)).json();
    expect(users.users.length).toBeGreaterThan(0);
  });

  test("OAuth: the consent page's code is traded by completeOauth and stored, secret, in the connector", async ({ request, demo, baseURL }) => {
    const connector = await createDemoConnector(request);
    const redirectUri = `${baseURL}/oauth/callback`;
    const start = async () => {
      const started = await request.post("/api/v1/connection/integrations/demo_crm/startOauth", { data: { redirectUri, connectorUuid: connector.uuid } });
      expect(started.status(), await started.text()).toBe(200);
      return ConnectorStartOauthResponseBody.parse(await started.json()).state;
    };
    const state = await start();
    const page = await (await request.get(`${demo.url}/oauth/authorize?redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`)).text();
    const code = /name="code" value="([0-9a-f]+)"/.exec(page)?.[1];
    expect(code).toBeDefined();
    const completeUrl = "/api/v1/connection/integrations/demo_crm/completeOauth";
    const done = await request.post(completeUrl, { data: { connectorUuid: connector.uuid, state, code, redirectUri } });
    expect(done.status(), await done.text()).toBe(200);
    expect(ConnectorResponseBody.parse(await done.json()).connector.config.oauthToken).toBe(MASK);
    // The code is single use at the integration too: a fresh state gets past the app, the server refuses.
    const reused = await request.post(completeUrl, { data: { connectorUuid: connector.uuid, state: await start(), code, redirectUri } });
    expect(reused.status()).toBe(502);
    expect(ApiErrorResponseBody.parse(await reused.json()).errorMessage).toMatch(/already used|Unknown/);
  });

  test("OAuth: a state started for a connector does not complete without it, and none is accepted without state", async ({ request, baseURL }) => {
    const connector = await createDemoConnector(request);
    const redirectUri = `${baseURL}/oauth/callback`;
    const started = await request.post("/api/v1/connection/integrations/demo_crm/startOauth", { data: { redirectUri, connectorUuid: connector.uuid } });
    const { state } = ConnectorStartOauthResponseBody.parse(await started.json());
    const completeUrl = "/api/v1/connection/integrations/demo_crm/completeOauth";
    const unbound = await request.post(completeUrl, { data: { state, code: "abc", redirectUri } });
    expect(unbound.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await unbound.json()).reason).toBe("oauthStateRefused");
    const stateless = await request.post(completeUrl, { data: { connectorUuid: connector.uuid, code: "abc", redirectUri } });
    expect(stateless.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await stateless.json()).errorMessage).toContain("state");
  });

  test("deleting a custom integration removes its connectors", async ({ request, demo }) => {
    const registered = await request.post("/api/v1/connection/customIntegrations", { data: { kind: "external", baseUrl: `${demo.url}/legacy/` } });
    const { customIntegration } = CustomIntegrationResponseBody.parse(await registered.json());
    const created = await request.post(BASE, {
      data: { integrationSlug: customIntegration.slug, slug: uniqueSlug("legacy"), name: "Legacy", config: { apiKey: "demo-api-key", region: "us" } },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { connector } = ConnectorResponseBody.parse(await created.json());
    const suggestions = await request.post(`${BASE}/${connector.uuid}/autocomplete`, { data: { slug: "listObjects", params: {} } });
    expect(suggestions.status()).toBe(200);
    await request.delete(`/api/v1/connection/customIntegrations/${customIntegration.uuid}`);
    expect((await request.get(`${BASE}/${connector.uuid}`)).status()).toBe(404);
  });
});
