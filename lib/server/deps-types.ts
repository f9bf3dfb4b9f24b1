import type { Database } from "@/lib/db";
import type { RunQueue, RunSystem } from "@/lib/engine";
import type { Vault } from "@/lib/vault";
import type { BatchWorker } from "./batches/batch-worker-types";
import type { IntegrationRegistry } from "./integration-registry";
import type { PlayScheduler } from "./plays/play-scheduler";
import type { JobQueue } from "./jobs";
import type { SyncWorker } from "./records/sync-types";
import type { Settings } from "./settings";

/**
 * Everything route handlers need, wired once per process by `deps.ts`. The type lives apart from
 * the wiring so that features can name it without importing the composition root that imports them.
 */
export interface Deps {
  settings: Settings;
  db: Database;
  vault: Vault;
  integrations: IntegrationRegistry;
  /** The run engine, its queue and the job queue; a worker takes over runs nobody holds. */
  runs: Runs;
  /** Finishes first-start defaults that could not be done at start (the demo server was not up). */
  retryBootstrap: () => Promise<void>;
}

/** The engine as wired by `engine.ts`. */
export interface Runs {
  system: RunSystem;
  queue: RunQueue;
  jobs: JobQueue;
  /** Model syncs this process runs (records). */
  syncs: SyncWorker;
  /** The batch sweep: webhooks delivered, batches whose creator died finished. */
  batches: BatchWorker;
  /** The plays' cron schedules this process ticks (a worker's; a web process's never starts). */
  plays: PlayScheduler;
  /** This process's id in run leases (host, pid and a random part). */
  owner: string;
  /** Stops taking runs and hands back what is still executing after `graceMs` (SIGTERM). */
  stop(graceMs?: number): Promise<void>;
}

/** What the connector features use: storage, the integration registry and the vault. */
export type ConnectorCtx = Pick<Deps, "db" | "integrations" | "vault">;
