// The load rounds of bench/engine-http: the load generator in a process of its own, the CPU the
// server (and on Postgres the database) spent per request from /proc, the bench's own servers.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { allPids, ownCpuMs, treeCpuMs } from "../../scripts/support/processes";

export const REQUESTS = Number(process.env.BENCH_REQUESTS) || 3000;
export const WARMUP = 500;
export const CONCURRENCY = 16;
/** The load generator's HTTP client: "raw" (prebuilt bytes over net sockets) or "node-http" (node:http's, as before the eleventh round). */
export const LOAD_CLIENT = process.env.BENCH_LOAD_CLIENT || "raw";

export interface LoadSpec {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  check?: "status" | "relayRun";
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  firstFailure: string | null;
  /** CPU time the load generator spent per request, warm-up included: it shares the cores with the servers. */
  clientCpuMsPerRequest: number;
  /** CPU time the server process spent per request, warm-up included; NaN where /proc is missing. */
  cpuMsPerRequest: number;
  /** On Postgres, the CPU time the database's processes on this machine spent per request. */
  databaseCpuMsPerRequest?: number;
}

/** Runs the load generator in a process of its own. */
export async function load(spec: LoadSpec, serverPid: number, withDatabase = false): Promise<LoadResult> {
  const before = treeCpuMs(serverPid);
  const databaseBefore = withDatabase ? postgresCpuMs() : undefined;
  const child = spawn(process.execPath, ["bench/support/load.mjs", JSON.stringify({ ...spec, concurrency: CONCURRENCY, warmup: WARMUP, requests: REQUESTS, client: LOAD_CLIENT })], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`the load generator failed (${code})`);
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as Omit<LoadResult, "cpuMsPerRequest">;
  const requests = WARMUP + REQUESTS;
  const databaseCpuMs = databaseBefore && [...postgresCpuMs()].reduce((sum, [pid, ms]) => sum + ms - (databaseBefore.get(pid) ?? 0), 0);
  return {
    ...result,
    cpuMsPerRequest: (treeCpuMs(serverPid) - before) / requests,
    ...(databaseCpuMs !== undefined && { databaseCpuMsPerRequest: databaseCpuMs / requests }),
  };
}

/**
 * CPU so far of each Postgres process of this machine (the server the bench's database is on:
 * its backends for Relay's pool, its WAL writer…), by pid. A backend that exits during a round
 * takes its share with it; the pool's connections live through a round.
 */
function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const pid of allPids()) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") byPid.set(pid, ownCpuMs(pid));
    } catch {
      // Gone meanwhile.
    }
  }
  return byPid;
}

export function print(label: string, result: LoadResult, unit: string) {
  const database = result.databaseCpuMsPerRequest === undefined ? "" : ` + database ${result.databaseCpuMsPerRequest.toFixed(2)}`;
  const cpu = Number.isNaN(result.cpuMsPerRequest) ? "" : `, server CPU ${result.cpuMsPerRequest.toFixed(2)}${database} ms/request`;
  const client = `, load generator CPU ${result.clientCpuMsPerRequest.toFixed(2)} ms/request`;
  const failed = result.failures > 0 ? `, ${result.failures} FAILED (${result.firstFailure})` : "";
  console.log(
    `${label.padEnd(28)} ${result.perSecond.toFixed(0).padStart(6)} ${unit}, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms${cpu}${client}${failed}`,
  );
}

/** Starts one of bench/support's servers; they print `listening <port>` when ready. */
export async function startScript(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`${script} exited (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    port,
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

