import { afterAll, beforeAll, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { DEFAULT_WORKSPACE_UUID as ws } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { createConnector } from "./connectors";
import { closeDeps, createDeps, type Deps } from "./deps";
import { createRun } from "./runs";
import { graph } from "./testing/nodes";
import { startWorkerProcess, type WorkerProcess } from "./testing/worker-process";

// The web role (this process: it creates runs through the same function as the API route) and
// two worker processes on one database; one worker is SIGKILLed half-way through 500 runs.
const RUNS = Number(process.env.CHAOS_RUNS) || 500;
const LEASE_MS = 4_000;

let storage: TestStorage;
let demo: RunningDemoIntegrationServer;
let deps: Deps;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  storage = await createTestStorage("relay-chaos-");
  // No declared rate limit: 20 calls/s would make this a test of the limiter.
  demo = await startDemoIntegrationServer({ port: 0, rateLimit: null });
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: demo.url, version: "test", role: "web" });
  const env = {
    DATA_DIR: storage.dataDir,
    ...(storage.databaseUrl && { DATABASE_URL: storage.databaseUrl }),
    DEMO_INTEGRATION_URL: "",
    OUTBOUND_ALLOWLIST: "127.0.0.1",
    RUN_LEASE_MS: String(LEASE_MS),
    WORKER_GRACE_MS: "0",
  };
  workers.push(...(await Promise.all([startWorkerProcess(env), startWorkerProcess(env)])));
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop("SIGKILL")));
  if (deps) await closeDeps(deps);
  await demo?.close();
  await storage?.cleanup();
});

it(`${RUNS} runs over two workers end success although one is killed half-way; nothing executes twice at once`, async () => {
  const integrationSlug = (await deps.db.customIntegrations.list(ws))[0]!.slug;
  const { uuid: connectorUuid } = await createConnector(deps, ws, { integrationSlug, slug: "crm", name: "CRM", config: { apiKey: "demo-api-key", region: "eu" } });
  const crm = (actionSlug: string, config: Record<string, unknown>) => ({ kind: "connector" as const, integrationSlug, actionSlug, connectorUuid, config });
  const create = graph(
    { slug: "start", children: ["create"] },
    { slug: "create", ...crm("createRecord", { objectType: "contacts", fields: { email: "chaos@example.com" } }), children: ["end"] },
    { slug: "end" },
  );
  const exportGraph = graph({ slug: "start", children: ["export"] }, { slug: "export", ...crm("exportRecords", { objectType: "contacts" }), children: ["end"] }, { slug: "end" });
  const createNodeUuid = create[1]!.uuid;

  const uuids: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await createRun(deps, ws, { nodes: i % 2 === 0 ? create : exportGraph, data: { i } });
    uuids.push(run.uuid);
  }

  const statuses = async () => Promise.all(uuids.map(async (uuid) => (await deps.db.runs.load(ws, uuid))!.run.status));
  await expect.poll(async () => (await statuses()).filter((status) => status === "success").length, { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(RUNS / 2);

  const [victim, survivor] = workers as [WorkerProcess, WorkerProcess];
  await victim.stop("SIGKILL");
  const killedAt = Date.now();
  const orphaned = (
    await Promise.all(uuids.map(async (uuid) => ((await deps.db.runLeases.holderOf(uuid))?.owner === victim.owner ? uuid : null)))
  ).filter((uuid): uuid is string => uuid !== null);
  expect(orphaned.length).toBeGreaterThan(0);

  // Every run the dead worker held is taken by the survivor within the lease expiry plus 5 s.
  await expect
    .poll(
      async () => {
        const holders = await Promise.all(orphaned.map((uuid) => deps.db.runLeases.holderOf(uuid)));
        return holders.filter((holder) => holder?.owner === victim.owner).length;
      },
      { timeout: LEASE_MS + 5_000, interval: 100 },
    )
    .toBe(0);
  expect(Date.now() - killedAt).toBeLessThanOrEqual(LEASE_MS + 5_000);

  await expect.poll(async () => (await statuses()).filter((status) => status === "success").length, { timeout: 120_000, interval: 250 }).toBe(RUNS);

  // createRecord counts one execution per Idempotency-Key (a repeat with the key is a replay):
  // two processes executing one node at once would have counted two.
  const { idempotencyKeys } = (await (await fetch(`${demo.url}/_demo/stats`)).json()) as { idempotencyKeys: Record<string, number> };
  const createKeys = uuids.filter((_, i) => i % 2 === 0).map((uuid) => `${uuid}:${createNodeUuid}`);
  expect(createKeys.map((key) => idempotencyKeys[key])).toEqual(createKeys.map(() => 1));
  expect(survivor.output()).not.toMatch(/lost the run's lease/);
}, 300_000);
