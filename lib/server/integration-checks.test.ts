import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CustomIntegrationPreviewResponseBody, IntegrationCheckResponseBody } from "@/lib/contract";
import { GOOD_CONFIG } from "@/lib/integrations/checker/testing/base-manifest";
import { startCorpusServer, type CorpusServer } from "@/lib/integrations/checker/testing/corpus-server";
import { getDeps } from "./deps";
import { startApiOverDemo, type ApiOverDemo } from "./testing/api-over-demo";

// POST /api/v1/connection/customIntegrations/check through the real API app, over a real demo
// server registered on first start: the outbound guard in the way, connectors' configs loaded here.
let app: ApiOverDemo;
let broken: CorpusServer;
let origin: string;
let cookie: string;
let demoUuid: string;
let connectorUuid: string;

const api = (route: string, init: RequestInit = {}) => fetch(`${origin}/api/v1${route}`, init);
const post = (route: string, body: unknown, withCookie = true) =>
  api(route, { method: "POST", headers: { "content-type": "application/json", ...(withCookie && { cookie }) }, body: JSON.stringify(body) });
async function check(body: unknown) {
  const response = await post("/connection/customIntegrations/check", body);
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  return IntegrationCheckResponseBody.parse(json);
}

beforeAll(async () => {
  broken = await startCorpusServer({ manifest: (m) => void (m.actions.createRecord.config.uiSchema.owner["ui:options"].slug = "listOwnerz") });
  // OUTBOUND_ALLOWLIST is the demo's host:port only: the broken server, on another loopback port, is refused.
  app = await startApiOverDemo("checks-");
  ({ origin, cookie } = app);
  const [registered] = (await (await api("/connection/customIntegrations/list", { headers: { cookie } })).json()).customIntegrations;
  demoUuid = registered.uuid;
  const created = await post("/connection/connectors", { integrationSlug: registered.slug, slug: "crm", name: "CRM", config: { apiKey: "demo-api-key", region: "eu" } });
  connectorUuid = (await created.json()).connector.uuid;
});

afterAll(async () => {
  await app?.close();
  await broken?.close();
});

describe("POST /api/v1/connection/customIntegrations/check", () => {
  it("lints a registration's manifest: the demo is clean", async () => {
    expect(await check({ uuid: demoUuid })).toEqual({ baseUrl: app.demo.url, layout: "seed", probed: false, findings: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  });

  it("probes with a saved connector's config, loaded on the server, and executes an action", async () => {
    const report = await check({ uuid: demoUuid, connectorUuid, actionSlug: "findRecords", record: { objectType: "contacts", property: "lastName", value: "nobody" } });
    expect(report).toMatchObject({ probed: true, findings: [] });
    const bad = await check({ uuid: demoUuid, config: { apiKey: "wrong-key", region: "eu" } });
    expect(bad.findings.map((f) => f.code)).toEqual(["authenticate.refused"]);
  });

  it("sends a connector's config to no other server than its own", async () => {
    const response = await post("/connection/customIntegrations/check", { baseUrl: broken.url, connectorUuid });
    expect(response.status).toBe(400);
    expect((await response.json()).errorMessage).toContain("only sent to that integration's own server");
    expect(broken.requests).toEqual([]);
  });

  it("goes through the outbound guard: a loopback server outside the allowlist is not reached", async () => {
    const report = await check({ baseUrl: broken.url });
    expect(report.findings).toMatchObject([{ code: "endpoint.unreachable", path: "$", endpoint: "GET /manifest", message: expect.stringContaining("OUTBOUND_ALLOWLIST") }]);
    expect(broken.requests).toEqual([]);
  });

  it("counts a saved connector's probes against its own rate limit: the registry's limiter, its real uuid", async () => {
    const { integrations } = await getDeps();
    const acquire = vi.spyOn(integrations.limiter, "acquire");
    try {
      expect(await check({ uuid: demoUuid, connectorUuid })).toMatchObject({ probed: true, findings: [] });
      expect(acquire.mock.calls.length).toBeGreaterThan(3);
      expect(new Set(acquire.mock.calls.map(([key]) => key))).toEqual(new Set([connectorUuid]));
    } finally {
      acquire.mockRestore();
    }
  });

  it("refuses a body without a server, and a caller who is not signed in", async () => {
    expect((await post("/connection/customIntegrations/check", { config: GOOD_CONFIG })).status).toBe(400);
    expect((await post("/connection/customIntegrations/check", { uuid: demoUuid }, false)).status).toBe(401);
  });

  it("refuses a member (403): a check sends a connector's credentials and may execute an action", async () => {
    const invited = await post("/workspace/invitations", { role: "member" });
    const code = new URL((await invited.json()).url).searchParams.get("code");
    const accepted = await api("/invitations/accept", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, account: { email: "m@relay.test", password: "member password 1", name: "M" } }) });
    expect(accepted.status).toBe(201);
    const member = accepted.headers.get("set-cookie")!.split(";")[0]!;
    const response = await api("/connection/customIntegrations/check", { method: "POST", headers: { "content-type": "application/json", cookie: member }, body: JSON.stringify({ uuid: demoUuid, connectorUuid }) });
    expect(response.status).toBe(403);
  });
});

it("the registration preview carries the manifest's lint findings", async () => {
  const response = await post("/connection/customIntegrations/preview", { kind: "external", baseUrl: app.demo.url });
  const preview = CustomIntegrationPreviewResponseBody.parse(await response.json());
  expect(preview.findings).toEqual([]);
  expect(preview.integration.name).toBe("Demo CRM");
});
