import { ConnectorResponseBody, CustomIntegrationListResponseBody, CustomIntegrationResponseBody } from "@/lib/contract";
import { expect, type APIRequestContext } from "@playwright/test";
import { fakeManifest, json, startFakeIntegration, type FakeIntegration } from "../support/fake-integration";

const BASE = "/api/v1/connection";
let counter = 0;

/** A name no other test (or earlier run against the same data folder) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${counter++}`;
}

/** A fake integration server that serves `manifest` (change it between calls) and accepts any credentials. */
export async function serveManifest(initial: Record<string, unknown>) {
  let manifest = initial;
  const server: FakeIntegration = await startFakeIntegration({
    "GET /manifest": (_req, _body, res) => json(res, 200, manifest),
    "POST /authenticate": (_req, _body, res) => json(res, 200, { outcome: "success" }),
  });
  return {
    url: server.url,
    close: () => server.close(),
    serve(next: Record<string, unknown>) {
      manifest = next;
    },
  };
}

export { fakeManifest };

/** Registers a server through the API, as a setup step. */
export async function registerCustomIntegration(request: APIRequestContext, baseUrl: string) {
  const response = await request.post(`${BASE}/customIntegrations`, { data: { kind: "external", baseUrl } });
  expect(response.status(), await response.text()).toBe(200);
  return CustomIntegrationResponseBody.parse(await response.json()).customIntegration;
}

export async function listCustomIntegrations(request: APIRequestContext) {
  const response = await request.get(`${BASE}/customIntegrations/list`);
  return CustomIntegrationListResponseBody.parse(await response.json()).customIntegrations;
}

/** Removes every registration whose base URL is one of `baseUrls`: a test's own cleanup. */
export async function unregister(request: APIRequestContext, baseUrls: Iterable<string>) {
  const urls = new Set(baseUrls);
  for (const custom of await listCustomIntegrations(request)) {
    if (urls.has(custom.baseUrl)) await request.delete(`${BASE}/customIntegrations/${custom.uuid}`);
  }
}

export async function createConnector(request: APIRequestContext, body: { integrationSlug: string; name: string; config: Record<string, unknown> }) {
  const slug = `catalog_${Date.now().toString(36)}_${counter++}`;
  const response = await request.post(`${BASE}/connectors`, { data: { ...body, slug } });
  expect(response.status(), await response.text()).toBe(200);
  return ConnectorResponseBody.parse(await response.json()).connector;
}

export async function deleteConnector(request: APIRequestContext, uuid: string) {
  await request.delete(`${BASE}/connectors/${uuid}`);
}
