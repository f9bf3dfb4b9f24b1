import http from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { expect, vi } from "vitest";
import { startDemoIntegrationServer, type DemoIntegrationServerOptions, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { ensureSetupCode } from "../auth/setup-code";
import { getDeps, stopDeps } from "../deps";
import { createApiApp } from "../http/api-app";

/** The real API app on a loopback port, over the demo integration it registered and a test storage. */
export interface ApiOverDemo {
  /** `http://127.0.0.1:<port>`; routes are under `/api/v1`. */
  origin: string;
  /** The owner's session cookie (`name=value`), from the first-run setup. */
  cookie: string;
  demo: RunningDemoIntegrationServer;
  storage: TestStorage;
  /** Stops the server, the app's dependencies and the demo, and removes the storage. */
  close(): Promise<void>;
}

/**
 * For a test file's `beforeAll`: the app's own API (as the production server mounts it, with the
 * process-wide dependencies it builds from the environment, stubbed here) on a node:http server,
 * the demo integration server registered at its first start, and the instance set up by its owner.
 * `close` in `afterAll`.
 */
export async function startApiOverDemo(storagePrefix: string, demoOptions: Omit<DemoIntegrationServerOptions, "port"> = {}): Promise<ApiOverDemo> {
  vi.spyOn(console, "info").mockImplementation(() => {});
  const demo = await startDemoIntegrationServer({ ...demoOptions, port: 0 });
  const storage = await createTestStorage(storagePrefix);
  vi.stubEnv("DATA_DIR", storage.dataDir);
  vi.stubEnv("DATABASE_URL", storage.databaseUrl ?? "");
  vi.stubEnv("DEMO_INTEGRATION_URL", demo.url);
  // The demo's host:port only, whatever the environment says: any other loopback server is refused.
  vi.stubEnv("OUTBOUND_ALLOWLIST", new URL(demo.url).host);
  await getDeps();
  const server = http.createServer(getRequestListener(createApiApp().fetch, { overrideGlobalObjects: false }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const setup = await fetch(`${origin}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ code: ensureSetupCode(storage.dataDir), email: "o@relay.test", password: "owner password 1", name: "O", workspaceName: "W" }),
  });
  expect(setup.status).toBe(201);
  const cookie = setup.headers.get("set-cookie")!.split(";")[0]!;
  return {
    origin,
    cookie,
    demo,
    storage,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await stopDeps();
      await demo.close();
      await storage.cleanup();
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    },
  };
}
