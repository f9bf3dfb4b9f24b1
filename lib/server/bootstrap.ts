import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { Deps } from "./deps";
import { registerCustomIntegration } from "./custom-integrations";

const DEMO_OFFERED = "demoIntegrationRegistered";

/**
 * First-start defaults: registers the demo integration so a new user sees a working catalog.
 * Done once per workspace; if the demo server is not up yet it is tried again on the next start,
 * and an operator who deletes it does not get it back.
 */
export async function bootstrapWorkspace(deps: Pick<Deps, "settings" | "db" | "integrations">): Promise<void> {
  const { settings, db } = deps;
  const url = settings.demoIntegrationUrl;
  if (!url) return;
  if (await db.workspaceSettings.get<boolean>(DEFAULT_WORKSPACE_UUID, DEMO_OFFERED)) return;
  try {
    if (!(await db.customIntegrations.findByBaseUrl(DEFAULT_WORKSPACE_UUID, url))) {
      await registerCustomIntegration(deps, DEFAULT_WORKSPACE_UUID, url);
    }
    await db.workspaceSettings.set(DEFAULT_WORKSPACE_UUID, DEMO_OFFERED, true);
    console.info(`[bootstrap] registered the demo integration at ${url}`);
  } catch (error) {
    console.warn(`[bootstrap] could not register the demo integration at ${url}: ${(error as Error).message}`);
  }
}
