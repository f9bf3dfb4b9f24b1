import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startApiOverDemo, type ApiOverDemo } from "../testing/api-over-demo";

// A caller that stops waiting (the playground's execute, closed) aborts the integration call made
// for it; that abort is the caller's doing, not an error of the server's to log.
const LATENCY_MS = 1_500;
let app: ApiOverDemo;

beforeAll(async () => {
  app = await startApiOverDemo("client-hangup-", { latencyMs: LATENCY_MS });
}, 30_000);
afterAll(() => app?.close());

it("a playground execute whose caller hangs up is not logged as the server's error", async () => {
  const headers = { "content-type": "application/json", cookie: app.cookie, origin: app.origin };
  const registered = (await (await fetch(`${app.origin}/api/v1/connection/customIntegrations/list`, { headers })).json()).customIntegrations[0];
  const created = await fetch(`${app.origin}/api/v1/connection/connectors`, {
    method: "POST",
    headers,
    body: JSON.stringify({ integrationSlug: registered.slug, slug: "crm", name: "CRM", config: { apiKey: "demo-api-key", region: "eu" } }),
  });
  expect(created.status).toBe(200);
  const { connector } = (await created.json()) as { connector: { uuid: string } };
  const logged = vi.spyOn(console, "error");
  const hangUp = new AbortController();
  const execute = fetch(`${app.origin}/api/v1/connection/connectors/${connector.uuid}/actions/lookupRecord/execute`, {
    method: "POST",
    headers,
    body: JSON.stringify({ config: { objectType: "contacts", recordId: "con_001" } }),
    signal: hangUp.signal,
  }).catch(() => "hung up");
  await new Promise((resolve) => setTimeout(resolve, LATENCY_MS / 3));
  hangUp.abort();
  expect(await execute).toBe("hung up");
  await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
  expect(logged.mock.calls.filter(([first]) => String(first).includes("unexpected error"))).toEqual([]);
}, 30_000);
