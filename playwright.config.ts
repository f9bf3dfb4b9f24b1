import { defineConfig, devices } from "@playwright/test";
import { E2E_APP_LOG, E2E_APP_PORT, E2E_AUTH_STATE, E2E_DATA_DIR, E2E_DEMO_PORT, E2E_DIST_DIR, E2E_INTEGRATION_TIMEOUT_MS } from "./e2e/ports";
import { PRODUCTION_SERVER_ARGS } from "./scripts/support/production-app";

// A run on non-default ports (E2E_APP_PORT) keeps its reports apart from the default run's.
const RUN_SUFFIX = process.env.E2E_APP_PORT ? `-${E2E_APP_PORT}` : "";

// The e2e suite runs against its own production build, which has the test-only /dev pages
// (`npm run build:e2e` first: RELAY_DEV_PAGES=1 into E2E_DIST_DIR), and a real demo integration
// server, on ports of its own so a running `npm start` does not get in the way.
export default defineConfig({
  testDir: "./e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  outputDir: `test-results/playwright${RUN_SUFFIX}`,
  // Signs in through the real /setup page once; every test starts from that session.
  globalSetup: "./e2e/global-setup.ts",
  // `npm test` runs the suite twice, on SQLite and on Postgres (E2E_DATABASE_URL), each with its own report.
  reporter: [["list"], ["json", { outputFile: process.env.E2E_RESULTS || `test-results/e2e-results${RUN_SUFFIX}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    storageState: E2E_AUTH_STATE,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node --import tsx examples/demo-integration/server.ts",
      url: `http://127.0.0.1:${E2E_DEMO_PORT}/manifest`,
      env: { DEMO_INTEGRATION_PORT: String(E2E_DEMO_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production server `npm start` runs, over the e2e build. A fresh data folder each run: the
      // first start registers the demo integration, as for a new user. Its output goes to a file the
      // secret-handling tests read. Idle connections stay open for 2 minutes: with Node's 5 s
      // default, a test's request context that sat idle while the browser worked could send on a
      // socket the server was closing that instant (read ECONNRESET).
      command: `rm -rf ${E2E_DATA_DIR} && mkdir -p ${E2E_DATA_DIR} && exec node ${PRODUCTION_SERVER_ARGS.join(" ")} -p ${E2E_APP_PORT} -H 127.0.0.1 --keepAliveTimeout 120000 > ${E2E_APP_LOG} 2>&1`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/api/v1/health`,
      env: {
        DATA_DIR: E2E_DATA_DIR,
        DEMO_INTEGRATION_URL: `http://127.0.0.1:${E2E_DEMO_PORT}`,
        NEXT_TELEMETRY_DISABLED: "1",
        INTEGRATION_TIMEOUT_MS: String(E2E_INTEGRATION_TIMEOUT_MS),
        NEXT_DIST_DIR: E2E_DIST_DIR,
        // The demo and the suite's fake integration servers all listen on loopback.
        OUTBOUND_ALLOWLIST: "127.0.0.1",
        // The Postgres pass: a fresh database made by `npm test` for this run.
        ...(process.env.E2E_DATABASE_URL && { DATABASE_URL: process.env.E2E_DATABASE_URL }),
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
