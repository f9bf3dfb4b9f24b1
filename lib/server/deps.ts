import cluster from "node:cluster";
import "server-only";
import { openDatabase } from "@/lib/db";
import { createOutboundFetch } from "@/lib/integrations";
import { createVault, loadVaultKey } from "@/lib/vault";
import { announceSetupCode, bootstrapRetrier, bootstrapWorkspace } from "./bootstrap";
import type { Deps } from "./deps-types";
import { createRuns } from "./engine";
import { createIntegrationRegistry } from "./integration-registry";
import { outboundAllowlistOf, readSettings, type Settings } from "./settings";

export type { Deps };

// Kept on globalThis so Next's per-route module instances share one database handle and one set
// of caches and rate limiters.
const holder = globalThis as typeof globalThis & { __appDeps?: Promise<Deps> };

/** The composition root: opens storage, applies migrations and seeds the default workspace once. */
export function getDeps(): Promise<Deps> {
  holder.__appDeps ??= createDeps().catch((error) => {
    holder.__appDeps = undefined;
    throw error;
  });
  return holder.__appDeps.then(async (deps) => {
    await deps.retryBootstrap();
    return deps;
  });
}

/** Builds the dependencies from settings; tests call it directly with their own settings. */
export async function createDeps(settings: Settings = readSettings()): Promise<Deps> {
  const db = await openDatabase({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  const vault = createVault(loadVaultKey({ dataDir: settings.dataDir, envKey: settings.encryptionKey }));
  const outbound = createOutboundFetch({ allowlist: outboundAllowlistOf(settings) });
  // Other processes on the same SQLite file: the web processes of WEB_PROCESSES, or a `ROLE=web`
  // process and its workers. (A ROLE=all process beside workers, or two `npm start`s of ROLE=all,
  // on one DATA_DIR are not told apart from a process alone: the ROLE=all one counts in memory.)
  const sharedFile = cluster.isWorker || settings.role === "web" || settings.role === "worker";
  const base = { settings, db, vault, integrations: createIntegrationRegistry(db, { maxTimeoutMs: settings.integrationTimeoutMs, outbound, sharedFile }) };
  const settled = await bootstrapWorkspace(base);
  const runs = await createRuns(base);
  if (settings.role !== "worker") await announceSetupCode(base);
  return { ...base, runs, retryBootstrap: bootstrapRetrier(base, settled) };
}

/**
 * Stops this process's part in the work (SIGTERM): no new jobs, running runs get `graceMs` to
 * finish and are then handed back to other workers, and the database closes. A no-op when the
 * dependencies were never built.
 */
export async function stopDeps(graceMs?: number): Promise<void> {
  const pending = holder.__appDeps;
  if (!pending) return;
  holder.__appDeps = undefined;
  const deps = await pending.catch(() => null);
  if (deps) await closeDeps(deps, graceMs);
}

/** How long closing waits for the request inspector's queued calls: a hung database must not hang a shutdown. */
const FLUSH_BEFORE_CLOSE_MS = 2_000;

/**
 * Stops the workers and closes the database of one set of dependencies (tests build their own),
 * after writing the request inspector's queued calls (for at most 2 s).
 */
export async function closeDeps(deps: Pick<Deps, "runs" | "db" | "integrations">, graceMs = 0): Promise<void> {
  await deps.runs.stop(graceMs);
  await deps.integrations.calls.flush(FLUSH_BEFORE_CLOSE_MS);
  await deps.db.close();
}
