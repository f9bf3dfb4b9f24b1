import { ApiErrorResponseBody, ConnectorResponseBody, CustomIntegrationResponseBody } from "@/lib/contract";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { E2E_INTEGRATION_TIMEOUT_MS } from "../ports";
import { fakeManifest, json, startFakeIntegration, type FakeIntegration, type FakeRoute } from "../support/fake-integration";

let fake: FakeIntegration;
let connectorUuid: string;
let customIntegrationUuid: string;
let counter = 0;

/** Registers a scripted server and creates a connector on it; each test scripts its routes. */
async function setUp(request: APIRequestContext, routes: Record<string, FakeRoute>, manifest = fakeManifest({ name: `Fake ${counter++}` })) {
  fake = await startFakeIntegration({
    "GET /manifest": (_q, _b, res) => json(res, 200, manifest),
    "POST /authenticate": (_q, _b, res) => json(res, 200, { outcome: "success" }),
    ...routes,
  });
  const registered = await request.post("/api/v1/connection/customIntegrations", { data: { kind: "external", baseUrl: fake.url } });
  const { customIntegration } = CustomIntegrationResponseBody.parse(await registered.json());
  customIntegrationUuid = customIntegration.uuid;
  const created = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: customIntegration.slug, slug: `fake_${Date.now()}_${counter++}`, name: "Fake", config: { token: "t0ken-value" } },
  });
  expect(created.status(), await created.text()).toBe(200);
  connectorUuid = ConnectorResponseBody.parse(await created.json()).connector.uuid;
}

test.afterEach(async ({ request }) => {
  await request.delete(`/api/v1/connection/customIntegrations/${customIntegrationUuid}`);
  await fake.close();
  expect((await request.get("/api/v1/health")).status()).toBe(200);
});

const call = (request: APIRequestContext, what: "autocomplete" | "dynamicSchema" | "listUsers", data: unknown = {}) =>
  request.post(`/api/v1/connection/connectors/${connectorUuid}/${what}`, { data });

test.describe("connector calls to a misbehaving integration server", () => {
  test("a 500 with errorMessage surfaces that message as a 502", async ({ request }) => {
    await setUp(request, { "POST /autocompletes/things": (_q, _b, res) => json(res, 500, { errorMessage: "Things service exploded" }) });
    const response = await call(request, "autocomplete", { slug: "things", params: {} });
    expect(response.status()).toBe(502);
    expect(ApiErrorResponseBody.parse(await response.json()).errorMessage).toBe("Things service exploded");
  });

  test("invalid JSON is a 502 that says so", async ({ request }) => {
    await setUp(request, { "POST /dynamicSchemas/form": (_q, _b, res) => void res.end("<html>oops</html>") });
    const response = await call(request, "dynamicSchema", { slug: "form", params: {} });
    expect([501, 502]).toContain(response.status());
    expect(ApiErrorResponseBody.parse(await response.json()).errorMessage).toMatch(/JSON|support/);
  });

  test("an answer that breaks the contract is a 502 listing the problems", async ({ request }) => {
    await setUp(request, { "POST /autocompletes/things": (_q, _b, res) => json(res, 200, { results: [{ value: "a" }] }) });
    const response = await call(request, "autocomplete", { slug: "things", params: {} });
    expect(response.status()).toBe(502);
    expect(ApiErrorResponseBody.parse(await response.json()).problems?.map((p) => p.path)).toContain("results[0].label");
  });

  test("a 404 on an optional endpoint means not supported", async ({ request }) => {
    await setUp(request, {});
    const response = await call(request, "listUsers");
    expect(response.status()).toBe(501);
    expect(ApiErrorResponseBody.parse(await response.json())).toMatchObject({ reason: "notSupported" });
  });

  test("a server slower than the timeout is a 504", async ({ request }) => {
    await setUp(request, { "POST /dynamicSchemas/form": () => new Promise<void>(() => {}) });
    const started = Date.now();
    const response = await call(request, "dynamicSchema", { slug: "form", params: {} });
    expect(response.status()).toBe(504);
    expect(ApiErrorResponseBody.parse(await response.json()).errorMessage).toMatch(/did not answer within/);
    expect(Date.now() - started).toBeLessThan(E2E_INTEGRATION_TIMEOUT_MS + 5_000);
  });

  test("rate limit {unit: second, max: 5}: 20 concurrent calls never exceed 5 in any second", async ({ request }) => {
    const manifest = fakeManifest({ name: `Limited ${counter++}` });
    (manifest.connector as Record<string, unknown>).rateLimit = { unit: "second", max: 5 };
    await setUp(request, { "POST /autocompletes/things": (_q, _b, res) => json(res, 200, { results: [{ label: "A", value: "a" }] }) }, manifest);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(request, "autocomplete", { slug: "things", params: {}, value: `q${i}` })),
    );
    expect(responses.map((r) => r.status())).toEqual(Array(20).fill(200));
    const arrivals = fake.hits.filter((h) => h.path === "/autocompletes/things").map((h) => h.at).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(20);
    const busiestSecond = Math.max(...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 1000).length));
    expect(busiestSecond).toBeLessThanOrEqual(5);
  });
});
