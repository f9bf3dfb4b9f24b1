import "server-only";
import { openDatabase, type Database } from "@/lib/db";
import { bootstrapWorkspace } from "./bootstrap";
import { readSettings, type Settings } from "./settings";

/** Everything route handlers need, wired once per process. */
export interface Deps {
  settings: Settings;
  db: Database;
}

// Kept on globalThis so Next's per-route module instances share one database handle.
const holder = globalThis as typeof globalThis & { __appDeps?: Promise<Deps> };

/** The composition root: opens storage, applies migrations and seeds the default workspace once. */
export function getDeps(): Promise<Deps> {
  holder.__appDeps ??= createDeps().catch((error) => {
    holder.__appDeps = undefined;
    throw error;
  });
  return holder.__appDeps;
}

async function createDeps(): Promise<Deps> {
  const settings = readSettings();
  const db = await openDatabase({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  const deps = { settings, db };
  await bootstrapWorkspace(deps);
  return deps;
}
