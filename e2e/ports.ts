// Ports and folders of the e2e environment, shared by playwright.config.ts and the fixtures.
// Overridable so two runs (say, a helper's and CI's) can share one machine.
const env = (name: string, fallback: string) => process.env[name] || fallback;

export const E2E_APP_PORT = Number(env("E2E_APP_PORT", "3100"));
export const E2E_DEMO_PORT = Number(env("E2E_DEMO_PORT", "4110"));
export const E2E_DATA_DIR = env("E2E_DATA_DIR", ".e2e-data");
/** The e2e suite's own build, with the test-only /dev pages (RELAY_DEV_PAGES=1 at build time, see next.config.ts). */
export const E2E_DIST_DIR = env("E2E_DIST_DIR", ".next-e2e");
export const E2E_DEMO_URL = `http://127.0.0.1:${E2E_DEMO_PORT}`;
export const E2E_APP_LOG = `${E2E_DATA_DIR}/app.log`;
/** The app under test gives up on integration servers sooner, so the timeout test is quick. */
export const E2E_INTEGRATION_TIMEOUT_MS = 2_000;
/** The signed-in browser state the suite reuses: e2e/global-setup.ts signs in through the pages once. */
export const E2E_AUTH_STATE = `test-results/e2e-auth-${E2E_APP_PORT}.json`;
/** The owner account global setup creates on the fresh instance. */
export const E2E_OWNER = { name: "Ada Owner", email: "owner@relay.test", password: "correct horse battery", workspaceName: "Acme Ops" } as const;
