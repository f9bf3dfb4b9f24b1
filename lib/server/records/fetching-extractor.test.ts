import { afterAll, beforeAll, expect, it } from "vitest";
import { seedManifest } from "@/lib/contract/integration/fixtures/seed-manifests";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { reply, startTestServer, type TestServer } from "@/lib/integrations/testing/test-server";
import { createConnector } from "../connectors";
import { registerCustomIntegration } from "../custom-integrations";
import { closeDeps, createDeps, type Deps } from "../deps";
import { createModel, listSyncs } from "./models";
import { fetchRecords } from "./segments";

// An extractor that exports asynchronously: it answers `fetching` twice with the export's meta,
// then the records. The sync re-calls it with that meta, on the extractor's polling policy.
const ws = DEFAULT_WORKSPACE_UUID;
const columns = { columns: [{ slug: "id", type: "string", label: "ID" }, { slug: "total", type: "number", label: "Total" }], idColumnSlug: "id", titleColumnSlug: "id" };
let server: TestServer;
let storage: TestStorage;
let deps: Deps;

beforeAll(async () => {
  server = await startTestServer((request, res) => {
    if (request.path === "/manifest") {
      const extractor = { ...seedManifest.extractors.fetchRecords, fetching: { retry: { maximumAttempts: 5, initialInterval: 100, backoffCoefficient: 1 }, withRateLimit: false } };
      return reply(res, 200, { ...seedManifest, extractors: { fetchRecords: extractor } });
    }
    if (request.path === "/authenticate") return reply(res, 200, { outcome: "success" });
    if (request.path === "/extractors/fetchRecords/fetch") {
      const meta = (request.body as { meta?: { exportId: string; polls: number } }).meta;
      const polls = meta?.polls ?? 0;
      if (polls < 2) return reply(res, 200, { outcome: "fetching", ...columns, data: { kind: "records", meta: { exportId: "exp_1", polls: polls + 1 } } });
      return reply(res, 200, {
        outcome: "fetched",
        ...columns,
        data: { kind: "records", records: [{ action: "upsert", override: true, record: { id: "o1", total: 10 } }, { action: "upsert", override: true, record: { id: "o2", total: 25 } }], hasMore: false },
      });
    }
    return reply(res, 404, { errorMessage: "no such route" });
  });
  storage = await createTestStorage("relay-fetching-");
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: "", version: "test", outboundAllowlist: ["127.0.0.1"] });
});
afterAll(async () => {
  await closeDeps(deps);
  await server.close();
  await storage.cleanup();
});

it("re-calls an extractor that answers fetching with its meta until it has fetched, then stores the records", async () => {
  const integration = await registerCustomIntegration(deps, ws, server.url);
  const connector = await createConnector(deps, ws, { integrationSlug: integration.slug, slug: "shop", name: "Shop", config: { apiKey: "k" } });
  const model = await createModel(deps, ws, { name: "Orders", extractor: { connectorUuid: connector.uuid, extractorSlug: "fetchRecords", config: {} } });
  for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 25))) {
    const [sync] = await listSyncs(deps, ws, model.uuid);
    if (sync && sync.status !== "pending" && sync.status !== "running") {
      expect(sync).toMatchObject({ status: "success", pagesCount: 1, addedCount: 2 });
      break;
    }
    if (Date.now() > deadline) throw new Error("sync did not end");
  }
  const fetches = server.seen.filter((request) => request.path === "/extractors/fetchRecords/fetch").map((request) => (request.body as { meta?: unknown }).meta ?? null);
  // The dry fetch of createModel, then the sync: no meta, then the export's meta twice.
  expect(fetches.slice(-3)).toEqual([null, { exportId: "exp_1", polls: 1 }, { exportId: "exp_1", polls: 2 }]);
  const { records } = await fetchRecords(deps, ws, { modelUuid: model.uuid, filter: { conjonction: "and", groups: [] }, sort: [], limit: 10, offset: 0 });
  expect(records).toEqual([{ id: "o1", total: 10 }, { id: "o2", total: 25 }]);
});
