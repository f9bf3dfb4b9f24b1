import "server-only";
import { openDatabase, type Database } from "@/lib/db";
import { createVault, loadVaultKey } from "@/lib/vault";
import { bootstrapWorkspace } from "./bootstrap";
import { createIntegrationRegistry, type IntegrationRegistry } from "./integration-registry";
import { readSettings, type Settings } from "./settings";

/** Everything route handlers need, wired once per process. */
export interface Deps {
  settings: Settings;
  db: Database;
  vault: ReturnType<typeof createVault>;
  integrations: IntegrationRegistry;
}

// Kept on globalThis so Next's per-route module instances share one database handle and one set
// of caches and rate limiters.
const holder = globalThis as typeof globalThis & { __appDeps?: Promise<Deps> };

/** The composition root: opens storage, applies migrations and seeds the default workspace once. */
export function getDeps(): Promise<Deps> {
  holder.__appDeps ??= createDeps().catch((error) => {
    holder.__appDeps = undefined;
    throw error;
  });
  return holder.__appDeps;
}

/** Builds the dependencies from settings; tests call it directly with their own settings. */
export async function createDeps(settings: Settings = readSettings()): Promise<Deps> {
  const db = await openDatabase({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  const vault = createVault(loadVaultKey({ dataDir: settings.dataDir, envKey: settings.encryptionKey }));
  const deps: Deps = { settings, db, vault, integrations: createIntegrationRegistry(db, { maxTimeoutMs: settings.integrationTimeoutMs }) };
  await bootstrapWorkspace(deps);
  return deps;
}
