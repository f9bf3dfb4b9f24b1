import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createTestStorage, type TestStorage } from "../../lib/db/testing/test-storage";
import { PRODUCTION_SERVER_ARGS } from "../../scripts/support/production-app";
import { expect, test } from "../fixtures";
import { E2E_APP_PORT, E2E_DEMO_URL, E2E_DIST_DIR, E2E_OWNER } from "../ports";

// A second app process of our own, killed with SIGKILL in the middle of runs and started again
// on the same data folder (and, on the suite's Postgres pass, a database of its own): every run
// must finish, none may be lost, no node may run twice.
const PORT = E2E_APP_PORT + 50;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 12;
let storage: TestStorage;
let DATA_DIR = "";

function startApp(): ChildProcess {
  const database = storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {};
  const app = spawn(process.execPath, [...PRODUCTION_SERVER_ARGS, "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_DIST_DIR: E2E_DIST_DIR, DATA_DIR, ...database, DEMO_INTEGRATION_URL: E2E_DEMO_URL, OUTBOUND_ALLOWLIST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return app;
}

async function healthy(): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${BASE}/api/v1/health`).catch(() => null))?.status, { timeout: 30_000, intervals: [200] })
    .toBe(200);
}

/** The session of this app's own owner, made with the setup code the fresh data folder got. */
let cookie = "";
async function claimInstance(): Promise<void> {
  const code = fs.readFileSync(`${DATA_DIR}/setup-code`, "utf8").trim();
  const response = await fetch(`${BASE}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...E2E_OWNER, code }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  cookie = response.headers.get("set-cookie")!.split(";")[0]!;
}

async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(`${BASE}/api/v1${path}`, {
    method: init?.method ?? (init?.body ? "POST" : "GET"),
    headers: { "content-type": "application/json", cookie },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = await response.json();
  expect(response.ok, JSON.stringify(body)).toBe(true);
  return body as T;
}

type RunSummary = { uuid: string; status: string };
type FullRun = { run: { uuid: string; status: string; executions: Array<{ nodeUuid: string; nodeSlug: string; status: string }>; nodes: Array<{ uuid: string; slug: string }> } };

test("runs interrupted by a killed server resume after restart: all finish, none lost, no node executed twice", async ({ demo }) => {
  test.setTimeout(120_000);
  await demo.reset();
  // TEST_POSTGRES_URL is set on the Postgres pass: the app then gets a fresh database too.
  storage = await createTestStorage("relay-e2e-crash-");
  DATA_DIR = storage.dataDir;
  let app = startApp();
  try {
    await healthy();
    await claimInstance();
    const { integrations } = await api<{ integrations: Array<{ slug: string; baseUrl: string | null }> }>("/connection/integrations/list");
    const integrationSlug = integrations.find((integration) => integration.baseUrl === E2E_DEMO_URL)!.slug;
    const { connector } = await api<{ connector: { uuid: string } }>("/connection/connectors", {
      body: { integrationSlug, slug: "crash_crm", name: "Crash CRM", config: { apiKey: "demo-api-key", region: "eu" } },
    });
    const tmpl = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });
    const ids = ["a1", "a2", "a3", "a4"].map((suffix) => `00000000-0000-4000-8000-0000000000${suffix}`);
    const crm = { kind: "connector", integrationSlug, connectorUuid: connector.uuid, fallbackOnFailure: false };
    const nodes = [
      { uuid: ids[0], slug: "start", kind: "native", actionSlug: "start", config: {}, childrenUuids: [ids[1]], position: { x: 0, y: 0 } },
      { ...crm, uuid: ids[1], slug: "create", actionSlug: "createRecord", config: { objectType: "contacts", fields: { email: tmpl("{{nodes.start.email}}"), firstName: "Crash" } }, childrenUuids: [ids[2]], position: { x: 0, y: 166 } },
      { ...crm, uuid: ids[2], slug: "export", actionSlug: "exportRecords", config: { objectType: "deals" }, childrenUuids: [ids[3]], position: { x: 0, y: 332 } },
      { uuid: ids[3], slug: "end", kind: "native", actionSlug: "end", config: { variables: [{ name: "id", type: "string", value: tmpl("{{nodes.create.id}}") }] }, childrenUuids: [], position: { x: 0, y: 498 } },
    ];
    const { workflow } = await api<{ workflow: { uuid: string } }>("/orchestration/workflows", { body: { name: "Crash test", nodes } });
    const created: string[] = [];
    for (let index = 0; index < RUNS; index++) {
      const { run } = await api<{ run: { uuid: string } }>("/orchestration/runs", { body: { workflowUuid: workflow.uuid, data: { email: `crash${index}@example.com` } } });
      created.push(run.uuid);
    }
    // Kill once some runs are polling their export: mid-node, with others still queued.
    await expect.poll(async () => Object.keys((await demo.stats()).idempotencyKeys).filter((key) => key.endsWith(ids[2]!)).length, { intervals: [50] }).toBeGreaterThan(2);
    app.kill("SIGKILL");
    await new Promise((resolve) => app.once("exit", resolve));
    const atKill = Object.entries((await demo.stats()).idempotencyKeys);
    // The kill really did interrupt: an export was mid-poll, and some runs had not even started.
    expect(atKill.filter(([key, calls]) => key.endsWith(ids[2]!) && calls < 3).length).toBeGreaterThan(0);
    expect(atKill.filter(([key]) => key.endsWith(ids[1]!)).length).toBeLessThan(RUNS);

    app = startApp();
    await healthy();
    const listed = async () => (await api<{ runs: RunSummary[] }>(`/orchestration/runs/list?workflowUuid=${workflow.uuid}&limit=100`)).runs;
    expect((await listed()).length).toBe(RUNS);
    await expect.poll(async () => (await listed()).filter((run) => run.status === "success").length, { timeout: 60_000, intervals: [250] }).toBe(RUNS);

    const stats = await demo.stats();
    for (const uuid of created) {
      const { run } = await api<FullRun>(`/orchestration/runs/${uuid}`);
      expect(run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`)).toEqual(["start:success", "create:success", "export:success", "end:success"]);
      // The demo counts real executions per Idempotency-Key: a replayed create counts nothing.
      expect(stats.idempotencyKeys[`${uuid}:${ids[1]}`], `create of run ${uuid}`).toBe(1);
      expect(stats.idempotencyKeys[`${uuid}:${ids[2]}`], `export of run ${uuid}`).toBe(3);
    }
    expect(Object.keys(stats.idempotencyKeys).length).toBe(RUNS * 2);
  } finally {
    app.kill("SIGKILL");
    if (app.exitCode === null && app.signalCode === null) await new Promise((resolve) => app.once("exit", resolve));
    await storage.cleanup();
  }
});
