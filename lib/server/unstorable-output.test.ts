import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { startTestServer, type TestServer } from "@/lib/integrations/testing/test-server";
import { closeDeps, createDeps, type Deps } from "./deps";
import { createRun, getRun } from "./runs";
import { graph } from "./testing/nodes";

// A run whose httpRequest node is answered with JSON nested 100,000 levels deep (which JSON.parse
// reads and JSON.stringify cannot write) ends `error`, and a restart does not call the server again.
const ws = DEFAULT_WORKSPACE_UUID;
const DEPTH = 100_000;
let server: TestServer;
let storage: TestStorage;

beforeAll(async () => {
  const deep = "[".repeat(DEPTH) + "]".repeat(DEPTH);
  server = await startTestServer((_request, res) => res.writeHead(200, { "content-type": "application/json" }).end(deep));
  storage = await createTestStorage("relay-unstorable-");
});
afterAll(async () => {
  await server.close();
  await storage.cleanup();
});

// The test server listens on loopback, which the outbound guard refuses unless allowed.
const start = () => createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, version: "test", outboundAllowlist: ["127.0.0.1"] });

it("an answer nested 100,000 levels deep ends the run error within seconds, and a restart does not call the node again", async () => {
  let deps: Deps = await start();
  const nodes = graph(
    { slug: "start", actionSlug: "start", children: ["http"] },
    { slug: "http", actionSlug: "httpRequest", config: { method: "GET", url: server.url }, children: ["end"] },
    { slug: "end", actionSlug: "end" },
  );
  const started = Date.now();
  const run = await createRun(deps, ws, { nodes, data: {} }, { wait: true });
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(run.status).toBe("error");
  expect(run.errorMessage).toBe("http: The output is nested more than 64 levels deep, the most a run keeps");
  expect(run.executions.map((execution) => `${execution.nodeSlug}:${execution.status}`)).toEqual(["start:success", "http:error"]);
  expect(server.seen).toHaveLength(1);

  // A new process over the same database: it takes over every run left unfinished.
  await closeDeps(deps);
  deps = await start();
  await deps.runs.queue.idle();
  const { run: after, runContext } = await getRun(deps, ws, run.uuid);
  expect(after.status).toBe("error");
  expect(runContext).not.toHaveProperty("http");
  expect(server.seen).toHaveLength(1);
  await closeDeps(deps);
});
