import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startDemoIntegrationServer } from "@/examples/demo-integration/server";
import { DEFAULT_WORKSPACE_UUID, openDatabase, type Database } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { createOutboundFetch } from "@/lib/integrations";
import { createIntegrationRegistry, type IntegrationRegistry } from "./integration-registry";
import { graph } from "./testing/nodes";
import { validateForRun } from "./validate-nodes";

// validateForRun against real storage and a real integration server whose manifest can change.
const ws = DEFAULT_WORKSPACE_UUID;
const CONNECTOR_UUID = "c0000000-0000-4000-8000-0000000000c1";
let storage: TestStorage;
let db: Database;
let integrations: IntegrationRegistry;
let manifest: { actions: Record<string, unknown> } & Record<string, unknown>;
let server: http.Server;
let customUuid: string;

beforeAll(async () => {
  const demo = await startDemoIntegrationServer({ port: 0 });
  manifest = await (await fetch(`${demo.url}/manifest`)).json();
  await demo.close();
  server = http.createServer((_, response) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(manifest)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  storage = await createTestStorage("relay-validate-run-");
  db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
  integrations = createIntegrationRegistry(db, { outbound: createOutboundFetch({ allowlist: "127.0.0.1" }) });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  customUuid = (await db.customIntegrations.create(ws, { baseUrl, slug: "crm", name: "CRM", layout: "seed", manifest })).uuid;
});
afterAll(async () => {
  await db.close();
  server.close();
  await storage.cleanup();
});

const lookup = (config: Record<string, unknown> = { objectType: "contacts", id: "con_001" }) =>
  graph(
    { slug: "start", children: ["lookup"] },
    { slug: "lookup", kind: "connector", integrationSlug: "crm", actionSlug: "lookupRecord", connectorUuid: CONNECTOR_UUID, config, children: ["end", "end"] },
    { slug: "end" },
  );
const reasons = (answer: Awaited<ReturnType<typeof validateForRun>>) => (answer.outcome === "valid" ? [] : answer.invalidNodes.map((finding) => finding.reason));

describe("validateForRun", () => {
  it("validates a graph once while it and the catalog stay the same, and again once the graph changes", async () => {
    const list = vi.spyOn(integrations, "list");
    const first = await validateForRun({ db, integrations }, ws, lookup());
    expect(reasons(first)).toEqual(["connectorNotFound"]);
    expect(await validateForRun({ db, integrations }, ws, lookup())).toBe(first);
    expect(list).toHaveBeenCalledTimes(1);
    await validateForRun({ db, integrations }, ws, lookup({ objectType: "contacts", id: "con_002" }));
    expect(list).toHaveBeenCalledTimes(2);
    list.mockRestore();
  });

  it("sees a connector added or removed, by any process sharing the database", async () => {
    await db.connectors.create(ws, { uuid: CONNECTOR_UUID, integrationSlug: "crm", slug: "crm", name: "CRM", sealedConfig: "sealed", lastTest: null });
    expect(await validateForRun({ db, integrations }, ws, lookup())).toMatchObject({ outcome: "valid" });
    await db.connectors.remove(ws, CONNECTOR_UUID);
    expect(reasons(await validateForRun({ db, integrations }, ws, lookup()))).toEqual(["connectorNotFound"]);
    await db.connectors.create(ws, { uuid: CONNECTOR_UUID, integrationSlug: "crm", slug: "crm", name: "CRM", sealedConfig: "sealed", lastTest: null });
  });

  it("sees a new manifest once the manifest cache has fetched it", async () => {
    expect(await validateForRun({ db, integrations }, ws, lookup())).toMatchObject({ outcome: "valid" });
    const { lookupRecord, ...others } = manifest.actions;
    manifest = { ...manifest, actions: others };
    // Served from the cache until it is fetched again (after 5 minutes, or now, as here).
    expect(await validateForRun({ db, integrations }, ws, lookup())).toMatchObject({ outcome: "valid" });
    integrations.forget(customUuid);
    expect(reasons(await validateForRun({ db, integrations }, ws, lookup()))).toEqual(["actionNotFound"]);
    manifest = { ...manifest, actions: { ...others, lookupRecord } };
  });
});
