import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startDemoIntegrationServer, type DemoIntegrationServerOptions, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { createConnector } from "../connectors";
import { closeDeps, createDeps, type Deps } from "../deps";
import type { Settings } from "../settings";
import { startCuttingProxy, type CuttingProxy } from "./cutting-proxy";

/** The credentials the demo integration accepts, as its connector holds them. */
export const DEMO_CREDENTIALS = { apiKey: "demo-api-key", region: "eu" };

/** A test file's demo integration server and the app that registered it. */
export interface DemoDeps {
  demo: RunningDemoIntegrationServer;
  /** Between the app and the demo, with `cuttingProxy: true`; forwarding again after each test. */
  proxy: CuttingProxy | undefined;
  /** The app's storage: both dialects, see `createTestStorage`. */
  storage: TestStorage;
  deps: Deps;
  /** The demo's slug, as the app registered it. */
  integrationSlug: string;
  /** The connector `crm` to the demo, in the default workspace. */
  connectorUuid: string;
}

/**
 * The demo integration server on a free port and `Deps` over a fresh test storage that registered
 * it, with a connector to it: started before the file's tests, the demo reset before each, all
 * stopped after them (the run queue let go idle first). Call at the top of a test file; the
 * fields are set from the file's own `beforeAll` on.
 * @example const setup = demoDeps("relay-runs-"); let deps: Deps; beforeAll(() => { ({ deps } = setup); });
 */
export function demoDeps(
  storagePrefix: string,
  options: { demo?: DemoIntegrationServerOptions; cuttingProxy?: boolean; settings?: Partial<Settings> } = {},
): DemoDeps {
  const setup = {} as DemoDeps;
  beforeAll(async () => {
    setup.demo = await startDemoIntegrationServer({ ...options.demo, port: 0 });
    setup.proxy = options.cuttingProxy ? await startCuttingProxy(setup.demo.url) : undefined;
    setup.storage = await createTestStorage(storagePrefix);
    const { dataDir, databaseUrl } = setup.storage;
    setup.deps = await createDeps({ ...options.settings, dataDir, databaseUrl, demoIntegrationUrl: (setup.proxy ?? setup.demo).url, version: "test" });
    setup.integrationSlug = (await setup.deps.db.customIntegrations.list(DEFAULT_WORKSPACE_UUID))[0]!.slug;
    const connector = await createConnector(setup.deps, DEFAULT_WORKSPACE_UUID, { integrationSlug: setup.integrationSlug, slug: "crm", name: "CRM", config: DEMO_CREDENTIALS });
    setup.connectorUuid = connector.uuid;
  });
  beforeEach(() => setup.demo.integration.reset());
  afterEach(() => setup.proxy?.restore());
  afterAll(async () => {
    if (setup.deps) {
      await setup.deps.runs.queue.idle();
      await closeDeps(setup.deps);
    }
    await setup.proxy?.close();
    await setup.demo?.close();
    await setup.storage?.cleanup();
  });
  return setup;
}
