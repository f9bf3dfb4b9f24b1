import path from "node:path";

/** The settings every part of the app shares (the environment variables in the README's Settings table). */
export interface Settings {
  dataDir: string;
  databaseUrl?: string;
  /** Registered as a custom integration on first start; empty to skip. */
  demoIntegrationUrl?: string;
  /** `APP_ENCRYPTION_KEY`: base64 of 32 bytes; generated into `dataDir` when unset. */
  encryptionKey?: string;
  /** `INTEGRATION_TIMEOUT_MS`: caps every call to an integration server (default 30 s, autocomplete 10 s). */
  integrationTimeoutMs?: number;
  /**
   * `OUTBOUND_ALLOWLIST`, split on commas: hosts, `host:port`, IPs and CIDRs the server may call
   * although they are private. Unset: the demo integration's host:port (see `outboundAllowlistOf`).
   */
  outboundAllowlist?: string[];
  version: string;
  /** `ROLE`: `web` serves requests and queues runs, `worker` executes them, `all` (the default) does both. */
  role?: ProcessRole;
  /** `RUN_LEASE_MS`: how long a run's lease lasts unrenewed, so how soon a dead worker's runs are taken over (default 15 s). */
  runLeaseMs?: number;
  /** `RUN_CONCURRENCY`: runs one worker process executes at once (default {@link DEFAULT_RUN_CONCURRENCY}). */
  runConcurrency?: number;
  /** `WORKER_GRACE_MS`: on SIGTERM, how long a worker lets its runs finish before handing them back (default 10 s). */
  workerGraceMs?: number;
  /** `FILE_UPLOAD_MAX_BYTES`: the largest CSV a workspace may upload (default {@link DEFAULT_FILE_UPLOAD_MAX_BYTES}). */
  fileUploadMaxBytes?: number;
  /** `SEGMENT_CHANGES_RETENTION_DAYS`: how long each sync's segment changes are kept (default 90; 0 keeps them all). */
  segmentChangesRetentionDays?: number;
}

/** Uploads stream to disk as they are parsed, so the cap is about disk space, not memory. */
export const DEFAULT_FILE_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/**
 * Runs one worker process executes at once unless `RUN_CONCURRENCY` says otherwise. A run spends
 * nearly all its time waiting on HTTP, so the bound is memory and the Postgres pool (a run holds
 * a connection only for each statement), not the CPU: with 8, half of 16 concurrent API calls
 * waited in the job queue of an otherwise idle worker.
 */
export const DEFAULT_RUN_CONCURRENCY = 16;

export type ProcessRole = "web" | "worker" | "all";
const ROLES: readonly ProcessRole[] = ["web", "worker", "all"];

/** Reads settings from the environment, applying the embedded defaults. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const demoPort = env.DEMO_INTEGRATION_PORT || "4010";
  const demoUrl = env.DEMO_INTEGRATION_URL ?? `http://127.0.0.1:${demoPort}`;
  return {
    // The data folder is chosen at run time; the ignore keeps the build from tracing the whole project.
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    demoIntegrationUrl: demoUrl.trim() === "" ? undefined : demoUrl.trim(),
    encryptionKey: env.APP_ENCRYPTION_KEY || undefined,
    integrationTimeoutMs: Number(env.INTEGRATION_TIMEOUT_MS) > 0 ? Number(env.INTEGRATION_TIMEOUT_MS) : undefined,
    outboundAllowlist: env.OUTBOUND_ALLOWLIST === undefined ? undefined : env.OUTBOUND_ALLOWLIST.split(",").map((entry) => entry.trim()).filter(Boolean),
    version: env.npm_package_version || "0.1.0",
    role: roleOf(env.ROLE),
    runLeaseMs: Number(env.RUN_LEASE_MS) >= 1_000 ? Number(env.RUN_LEASE_MS) : undefined,
    runConcurrency: Number(env.RUN_CONCURRENCY) >= 1 ? Math.floor(Number(env.RUN_CONCURRENCY)) : undefined,
    workerGraceMs: env.WORKER_GRACE_MS && Number(env.WORKER_GRACE_MS) >= 0 ? Number(env.WORKER_GRACE_MS) : undefined,
    fileUploadMaxBytes: Number(env.FILE_UPLOAD_MAX_BYTES) >= 1 ? Math.floor(Number(env.FILE_UPLOAD_MAX_BYTES)) : undefined,
    segmentChangesRetentionDays:
      env.SEGMENT_CHANGES_RETENTION_DAYS && Number(env.SEGMENT_CHANGES_RETENTION_DAYS) >= 0 ? Number(env.SEGMENT_CHANGES_RETENTION_DAYS) : undefined,
  };
}

function roleOf(value: string | undefined): ProcessRole {
  if (!value) return "all";
  if ((ROLES as readonly string[]).includes(value)) return value as ProcessRole;
  throw new Error(`ROLE must be one of ${ROLES.join(", ")}; got "${value}"`);
}

/** Whether this process executes runs (and later syncs, batches, schedules). */
export const executesJobs = (settings: Pick<Settings, "role">) => (settings.role ?? "all") !== "web";

/**
 * The outbound allowlist in force: `OUTBOUND_ALLOWLIST` when set (even empty), else the demo
 * integration's own host:port, so a fresh `npm start` reaches the demo and nothing else private.
 * @example outboundAllowlistOf({ demoIntegrationUrl: "http://127.0.0.1:4010", ... }) // → ["127.0.0.1:4010"]
 */
export function outboundAllowlistOf(settings: Pick<Settings, "outboundAllowlist" | "demoIntegrationUrl">): string[] {
  if (settings.outboundAllowlist) return settings.outboundAllowlist;
  if (!settings.demoIntegrationUrl) return [];
  try {
    const url = new URL(settings.demoIntegrationUrl);
    return [`${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`];
  } catch {
    return [];
  }
}
