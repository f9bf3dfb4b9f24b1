import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { reply, startTestServer, type TestServer } from "@/lib/integrations/testing/test-server";
import { createConnector } from "./connectors";
import { registerCustomIntegration } from "./custom-integrations";
import { closeDeps, createDeps, type Deps } from "./deps";
import { AppError } from "./errors";
import { executeConnectorAction } from "./execute-action";
import { createRun } from "./runs";
import { graph } from "./testing/nodes";

// The playground's execute and a run's connector node go one path (openConnectorAction, then
// callAction): same polling of `executing`, same Idempotency-Key for every poll.
const ws = DEFAULT_WORKSPACE_UUID;
const polling = { retry: { maximumAttempts: 3, initialInterval: 10, backoffCoefficient: 1 }, withRateLimit: false };
const action = (name: string) => ({ name, description: name, config: { jsonSchema: { type: "object", properties: {} }, uiSchema: {} }, executing: polling });
const manifest = {
  name: "Slow CRM",
  description: "Answers executing",
  icon: "<svg/>",
  color: "#123456",
  url: "https://crm.example.com",
  connector: { config: { jsonSchema: { type: "object", properties: {} }, uiSchema: {} } },
  actions: {
    eventually: action("Eventually"),
    forever: action("Forever"),
    patient: { ...action("Patient"), executing: { retry: { maximumAttempts: 10, initialInterval: 60_000, backoffCoefficient: 1 }, withRateLimit: false } },
  },
};

let server: TestServer;
let storage: TestStorage;
let deps: Deps;
let integrationSlug: string;
let connectorUuid: string;
const polls = new Map<string, number>();

beforeAll(async () => {
  server = await startTestServer((request, res) => {
    if (request.path === "/manifest") return reply(res, 200, manifest);
    if (request.path === "/authenticate") return reply(res, 200, { outcome: "success" });
    const key = String(request.headers["idempotency-key"]);
    polls.set(key, (polls.get(key) ?? 0) + 1);
    if (request.path === "/actions/eventually/execute" && polls.get(key)! >= 3) return reply(res, 200, { outcome: "executed", title: "Done", data: { done: true } });
    reply(res, 200, { outcome: "executing" });
  });
  storage = await createTestStorage("relay-execute-action-");
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, version: "test", outboundAllowlist: ["127.0.0.1"] });
  integrationSlug = (await registerCustomIntegration(deps, ws, server.url)).slug;
  connectorUuid = (await createConnector(deps, ws, { integrationSlug, slug: "slow", name: "Slow", config: {} })).uuid;
});
afterAll(async () => {
  await closeDeps(deps);
  await server.close();
  await storage.cleanup();
});

const calls = (path: string) => server.seen.filter((request) => request.path === path);

it("the playground polls executing with one Idempotency-Key, and answers 504 when the policy runs out", async () => {
  const executed = await executeConnectorAction(deps, ws, connectorUuid, "eventually", {});
  expect(executed).toMatchObject({ outcome: "executed", title: "Done", data: { done: true }, attempts: 3 });
  expect(new Set(calls("/actions/eventually/execute").map((request) => request.headers["idempotency-key"])).size).toBe(1);

  const error = await executeConnectorAction(deps, ws, connectorUuid, "forever", {}).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ status: 504, message: "Forever was still executing after 3 calls" });
  expect(calls("/actions/forever/execute")).toHaveLength(3);
});

it("the playground waits for a policy of long polls only so long, then answers 504 saying so", async () => {
  const started = Date.now();
  const error = await executeConnectorAction(deps, ws, connectorUuid, "patient", {}, { maxWaitMs: 500 }).catch((caught: unknown) => caught);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ status: 504, message: "Patient was still executing after 1 call and 0.5 s, as long as the playground waits; a workflow waits as its policy says" });
  expect(calls("/actions/patient/execute")).toHaveLength(1);
});

it("a run's connector node polls the same way", async () => {
  const nodes = graph(
    { slug: "start", actionSlug: "start", children: ["slow"] },
    { slug: "slow", kind: "connector", integrationSlug, actionSlug: "eventually", connectorUuid, config: {}, children: ["end"] },
    { slug: "end", actionSlug: "end" },
  );
  const run = await createRun(deps, ws, { nodes, data: {} }, { wait: true });
  expect(run.status).toBe("success");
  expect(run.executions[1]).toMatchObject({ nodeSlug: "slow", attempts: 3, title: "Done" });
  expect(polls.get(`${run.uuid}:${run.executions[1]!.nodeUuid}`)).toBe(3);
});

it("a node's retry policy does not start the polls over once they ran out: the cap on polls is the cap on calls", async () => {
  const before = calls("/actions/forever/execute").length;
  const nodes = graph(
    { slug: "start", actionSlug: "start", children: ["slow"] },
    {
      slug: "slow",
      kind: "connector",
      integrationSlug,
      actionSlug: "forever",
      connectorUuid,
      config: {},
      retry: { maximumAttempts: 3, initialInterval: 10, backoffCoefficient: 1 },
      children: ["end"],
    },
    { slug: "end", actionSlug: "end" },
  );
  const run = await createRun(deps, ws, { nodes, data: {} }, { wait: true });
  expect(run.status).toBe("error");
  expect(run.executions[1]).toMatchObject({ nodeSlug: "slow", attempts: 3 });
  expect(calls("/actions/forever/execute").length - before).toBe(3);
});
