import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { needsSetup } from "./accounts";
import { authSettings } from "./auth/auth-settings";
import { ensureSetupCode } from "./auth/setup-code";
import type { Deps } from "./deps-types";
import { registerCustomIntegration } from "./custom-integrations";

const DEMO_OFFERED = "demoIntegrationRegistered";

const RETRY_MS = 10_000;

/**
 * First-start defaults: registers the demo integration so a new user sees a working catalog.
 * Done once per workspace; an operator who deletes it does not get it back. Returns whether it
 * is settled (done, or nothing to do); `npm start` starts the demo server beside the app, so a
 * first attempt may find it not listening yet and is then retried.
 */
export async function bootstrapWorkspace(deps: Pick<Deps, "settings" | "db" | "integrations">): Promise<boolean> {
  const { settings, db } = deps;
  const url = settings.demoIntegrationUrl;
  if (!url) return true;
  if (await db.workspaceSettings.get<boolean>(DEFAULT_WORKSPACE_UUID, DEMO_OFFERED)) return true;
  try {
    if (!(await db.customIntegrations.findByBaseUrl(DEFAULT_WORKSPACE_UUID, url))) {
      await registerCustomIntegration(deps, DEFAULT_WORKSPACE_UUID, url);
    }
    await db.workspaceSettings.set(DEFAULT_WORKSPACE_UUID, DEMO_OFFERED, true);
    console.info(`[bootstrap] registered the demo integration at ${url}`);
    return true;
  } catch (error) {
    console.warn(`[bootstrap] could not register the demo integration at ${url} (will retry): ${(error as Error).message}`);
    return false;
  }
}

/** Retries an unsettled bootstrap, at most every 10 s, from the requests that come in meanwhile. */
export function bootstrapRetrier(deps: Pick<Deps, "settings" | "db" | "integrations">, settled: boolean, retryMs = RETRY_MS) {
  let lastAttempt = Date.now();
  let running: Promise<void> | null = null;
  return async () => {
    if (settled || running || Date.now() - lastAttempt < retryMs) return;
    lastAttempt = Date.now();
    running = bootstrapWorkspace(deps)
      .then((done) => {
        settled = done;
      })
      .finally(() => {
        running = null;
      });
    await running;
  };
}

/**
 * While no one has claimed the instance, the one-time setup code is in DATA_DIR/setup-code
 * (mode 600) and in the console, so only whoever runs the server can create the first account.
 */
export async function announceSetupCode(deps: Pick<Deps, "settings" | "db">): Promise<void> {
  if (!(await needsSetup(deps))) return;
  const code = ensureSetupCode(deps.settings.dataDir);
  console.info(`[setup] no account yet: open ${authSettings().appUrl.origin}/setup and enter the setup code ${code} (also in ${deps.settings.dataDir}/setup-code)`);
}
