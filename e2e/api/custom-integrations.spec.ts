import {
  ApiErrorResponseBody,
  CustomIntegrationListResponseBody,
  CustomIntegrationResponseBody,
  IntegrationListResponseBody,
  IntegrationResponseBody,
} from "@/lib/contract";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { fakeManifest, json, startFakeIntegration, type FakeIntegration } from "../support/fake-integration";

const BASE = "/api/v1/connection";

async function register(request: APIRequestContext, baseUrl: string) {
  return request.post(`${BASE}/customIntegrations`, { data: { kind: "external", baseUrl } });
}

async function customIntegrationUrls(request: APIRequestContext) {
  const list = CustomIntegrationListResponseBody.parse(await (await request.get(`${BASE}/customIntegrations/list`)).json());
  return list.customIntegrations.map((c) => c.baseUrl);
}

async function expectStillServing(request: APIRequestContext) {
  expect((await request.get("/api/v1/health")).status()).toBe(200);
}

test.describe("custom integrations API", () => {
  let fake: FakeIntegration | undefined;
  test.afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  test("the demo integration is registered on first start and normalized in the catalog", async ({ request, demo }) => {
    expect(await customIntegrationUrls(request)).toContain(demo.url);
    const list = IntegrationListResponseBody.parse(await (await request.get(`${BASE}/integrations/list`)).json());
    expect(list.integrations.map((i) => i.slug)).toEqual(expect.arrayContaining(["native", "demo_crm"]));

    const { integration } = IntegrationResponseBody.parse(await (await request.get(`${BASE}/integrations/demo_crm`)).json());
    expect(integration).toMatchObject({ kind: "custom", layout: "seed", connector: { rateLimit: { unit: "second", max: 20 } } });
    expect(Object.keys(integration.autocompletes)).toEqual(expect.arrayContaining(["listObjects", "listObjectProperties", "listOwners"]));
    expect(integration.extractors.records?.mode).toMatchObject({ kind: "fetch", isIncremental: true });

    const docs = await request.get(`${BASE}/integrations/demo_crm/documentation`);
    expect(docs.headers()["content-type"]).toContain("text/plain");
    expect(await docs.text()).toContain("createRecord");
  });

  test("catalog filters: search, slugs, category, hasActions, hasExtractors", async ({ request }) => {
    const slugsFor = async (query: string) =>
      IntegrationListResponseBody.parse(await (await request.get(`${BASE}/integrations/list?${query}`)).json()).integrations.map((i) => i.slug);
    expect(await slugsFor("search=demo%20crm")).toContain("demo_crm");
    expect(await slugsFor("search=demo%20crm")).not.toContain("native");
    expect(await slugsFor("slugs=native")).toEqual(["native"]);
    expect(await slugsFor("category=freeform")).toEqual(["native"]);
    expect(await slugsFor("hasExtractors=true")).toContain("demo_crm");
    expect(await slugsFor("hasExtractors=true")).not.toContain("native");
    expect((await request.get(`${BASE}/integrations/list?category=nonsense`)).status()).toBe(400);
  });

  test("a server in the older layout registers and is normalized", async ({ request, demo }) => {
    const response = await register(request, `${demo.url}/legacy`);
    expect(response.status()).toBe(200);
    const { customIntegration } = CustomIntegrationResponseBody.parse(await response.json());
    expect(customIntegration).toMatchObject({ layout: "legacy", slug: "demo_crm_legacy", manifestError: null });

    const { integration } = IntegrationResponseBody.parse(await (await request.get(`${BASE}/integrations/demo_crm_legacy`)).json());
    expect(Object.keys(integration.autocompletes)).toContain("listObjectProperties");
    expect(Object.keys(integration.extractors).length).toBeGreaterThan(0);

    const got = await request.get(`${BASE}/customIntegrations/${customIntegration.uuid}`);
    const body = await got.json();
    expect(body.connector).toEqual(body.customIntegration);
    expect((await request.delete(`${BASE}/customIntegrations/${customIntegration.uuid}`)).status()).toBe(200);
    expect(await customIntegrationUrls(request)).not.toContain(`${demo.url}/legacy`);
  });

  const broken: Array<{ name: string; status: number; message: RegExp; route?: Parameters<typeof startFakeIntegration>[0] }> = [
    { name: "refused connection", status: 422, message: /Could not reach/ },
    { name: "invalid JSON", status: 422, message: /not JSON/, route: { "GET /manifest": (_q, _b, res) => void res.end("{not json") } },
    {
      name: "oversized body",
      status: 422,
      message: /larger than 5 MB/,
      route: { "GET /manifest": (_q, _b, res) => json(res, 200, { ...fakeManifest(), padding: "x".repeat(6 * 1024 * 1024) }) },
    },
    {
      name: "500 with errorMessage",
      status: 422,
      message: /Manifest generator crashed/,
      route: { "GET /manifest": (_q, _b, res) => json(res, 500, { errorMessage: "Manifest generator crashed" }) },
    },
  ];
  for (const scenario of broken) {
    test(`registering a server with ${scenario.name} is refused with the reason, nothing saved`, async ({ request }) => {
      let url = "http://127.0.0.1:9";
      if (scenario.route) {
        fake = await startFakeIntegration(scenario.route);
        url = fake.url;
      }
      const before = await customIntegrationUrls(request);
      const response = await register(request, url);
      expect(response.status()).toBe(scenario.status);
      expect(ApiErrorResponseBody.parse(await response.json()).errorMessage).toMatch(scenario.message);
      expect(await customIntegrationUrls(request)).toEqual(before);
      await expectStillServing(request);
    });
  }

  test("a manifest that fails the schema is refused with every problem and its path", async ({ request }) => {
    const manifest = fakeManifest({ color: 7, actions: { ping: { description: "no name", config: { jsonSchema: {} } } } });
    (manifest.connector as { rateLimit?: unknown }).rateLimit = { unit: "week", max: 5 };
    fake = await startFakeIntegration({ "GET /manifest": (_q, _b, res) => json(res, 200, manifest) });
    const response = await register(request, fake.url);
    expect(response.status()).toBe(422);
    const body = ApiErrorResponseBody.parse(await response.json());
    expect(body.problems?.map((p) => p.path)).toEqual(expect.arrayContaining(["color", "connector.rateLimit.unit", "actions.ping.name"]));
    await expectStillServing(request);
  });

  test("refresh re-fetches; an invalid manifest is reported while the last good one keeps serving", async ({ request }) => {
    let manifest: Record<string, unknown> = fakeManifest({ name: "Refreshable" });
    fake = await startFakeIntegration({ "GET /manifest": (_q, _b, res) => json(res, 200, manifest) });
    const { customIntegration } = CustomIntegrationResponseBody.parse(await (await register(request, fake.url)).json());

    manifest = { ...fakeManifest({ name: "Refreshable" }), actions: { ping: { name: 42 } } };
    const refresh = await request.post(`${BASE}/customIntegrations/${customIntegration.uuid}/refresh`);
    expect(refresh.status()).toBe(422);
    expect(ApiErrorResponseBody.parse(await refresh.json()).problems?.map((p) => p.path)).toContain("actions.ping.name");

    const served = IntegrationResponseBody.parse(await (await request.get(`${BASE}/integrations/${customIntegration.slug}`)).json());
    expect(served.integration.actions.ping?.name).toBe("Ping");
    const state = CustomIntegrationResponseBody.parse(await (await request.get(`${BASE}/customIntegrations/${customIntegration.uuid}`)).json());
    expect(state.customIntegration.manifestError).toMatch(/does not follow the contract/);

    manifest = fakeManifest({ name: "Refreshable" });
    (manifest.actions as Record<string, unknown>).pong = { name: "Pong", description: "Pongs", config: { jsonSchema: {}, uiSchema: {} } };
    const fixed = await request.post(`${BASE}/customIntegrations/${customIntegration.uuid}/refresh`);
    expect(fixed.status()).toBe(200);
    expect(CustomIntegrationResponseBody.parse(await fixed.json()).customIntegration).toMatchObject({ manifestError: null, slug: customIntegration.slug });
    const after = IntegrationResponseBody.parse(await (await request.get(`${BASE}/integrations/${customIntegration.slug}`)).json());
    expect(Object.keys(after.integration.actions)).toEqual(["ping", "pong"]);
    await request.delete(`${BASE}/customIntegrations/${customIntegration.uuid}`);
  });

  test("a server named like a built-in integration gets a slug of its own; the built-in keeps its slug", async ({ request }) => {
    fake = await startFakeIntegration({ "GET /manifest": (_q, _b, res) => json(res, 200, fakeManifest({ name: "Slack" })) });
    const { customIntegration } = CustomIntegrationResponseBody.parse(await (await register(request, fake.url)).json());
    expect(customIntegration.slug).toBe("slack_2");
    const builtIn = IntegrationResponseBody.parse(await (await request.get(`${BASE}/integrations/slack`)).json());
    expect(Object.keys(builtIn.integration.actions)).toEqual(["slack.sendMessage"]);
    const custom = IntegrationResponseBody.parse(await (await request.get(`${BASE}/integrations/slack_2`)).json());
    expect(Object.keys(custom.integration.actions)).toEqual(["ping"]);
    await request.delete(`${BASE}/customIntegrations/${customIntegration.uuid}`);
  });

  test("changing the URL to a dead server is refused and changes nothing", async ({ request }) => {
    fake = await startFakeIntegration({ "GET /manifest": (_q, _b, res) => json(res, 200, fakeManifest({ name: "Movable" })) });
    const { customIntegration } = CustomIntegrationResponseBody.parse(await (await register(request, fake.url)).json());
    const response = await request.put(`${BASE}/customIntegrations/${customIntegration.uuid}`, { data: { baseUrl: "http://127.0.0.1:9" } });
    expect(response.status()).toBe(422);
    expect(await customIntegrationUrls(request)).toContain(fake.url);
    await request.delete(`${BASE}/customIntegrations/${customIntegration.uuid}`);
  });

  test("bad input gets a 400 with the reason", async ({ request }) => {
    const cases = [
      request.post(`${BASE}/customIntegrations`, { data: { kind: "worker", baseUrl: "http://x" } }),
      request.post(`${BASE}/customIntegrations`, { data: { kind: "external", baseUrl: "ftp://x" } }),
      request.post(`${BASE}/customIntegrations`, { headers: { "content-type": "application/json" }, data: "{oops" }),
      request.get(`${BASE}/customIntegrations/not-a-uuid`),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.status()).toBe(400);
      expect(ApiErrorResponseBody.parse(await response.json()).errorMessage.length).toBeGreaterThan(0);
    }
    expect((await request.get(`${BASE}/integrations/no_such_integration`)).status()).toBe(404);
  });
});
