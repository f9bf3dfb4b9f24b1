import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { bootstrapRetrier, bootstrapWorkspace } from "./bootstrap";
import { closeDeps, createDeps, type Deps } from "./deps";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("first-start bootstrap", () => {
  let deps: Deps | undefined;
  let demo: RunningDemoIntegrationServer | undefined;
  let dataDir: string;
  let storage: TestStorage;
  afterEach(async () => {
    await demo?.close();
    if (deps) await closeDeps(deps);
    await storage.cleanup();
    vi.restoreAllMocks();
  });

  it("registers the demo integration once it is up, and never brings back a deleted one", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "info").mockImplementation(() => {});
    storage = await createTestStorage("bootstrap-");
    dataDir = storage.dataDir;
    const port = await freePort();
    deps = await createDeps({ dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: `http://127.0.0.1:${port}`, version: "test", integrationTimeoutMs: 2_000 });
    expect(await deps.db.customIntegrations.list(DEFAULT_WORKSPACE_UUID)).toEqual([]);

    demo = await startDemoIntegrationServer({ port });
    await bootstrapRetrier(deps, false, 0)();
    const [registered] = await deps.db.customIntegrations.list(DEFAULT_WORKSPACE_UUID);
    expect(registered).toMatchObject({ slug: "demo_crm", baseUrl: `http://127.0.0.1:${port}` });

    await deps.db.customIntegrations.remove(DEFAULT_WORKSPACE_UUID, registered!.uuid);
    expect(await bootstrapWorkspace(deps)).toBe(true);
    expect(await deps.db.customIntegrations.list(DEFAULT_WORKSPACE_UUID)).toEqual([]);
  });
});
