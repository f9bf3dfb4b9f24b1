// bench/engine-http: Relay's runs over HTTP against Node-RED's flows, side by side on one machine.
// Both call the same zero-latency echo server on loopback: Node-RED 4 with the flow
// `http in → http request → http response`, Relay's production server (the `.next` build; built
// when missing) with a saved workflow `start → httpRequest → end` run by
// `POST /api/v1/orchestration/runs?waitUntilFinished=true`. A load generator in a process of its
// own keeps 16 keep-alive connections busy: 500 warm-up requests, then 3,000 measured, in rounds
// that alternate between the two (3 each). Every Relay answer must be its run as stored, a success
// with each node's execution recorded. Baselines: the echo server alone, a bare node:http server
// that forwards to the echo, and Relay's health route.
// Prints requests/s, p50 and p99 per round, the CPU each server spent per request (from /proc), and
// the ratio Relay/Node-RED of the medians.
//
//   npm run bench engine-http
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench engine-http
//
// With BENCH_DATABASE_URL (an admin URL), Relay runs on Postgres: a throwaway database
// relay_bench_<pid> is created there and dropped afterwards. BENCH_ROUNDS, BENCH_REQUESTS change
// the rounds (3) and measured requests (3000); BENCH_CPU_PROFILE=<folder> writes a CPU profile of
// Relay's server there (summarise it with bench/support/cpu-profile-summary.mjs).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createScratchDatabase } from "../lib/db/testing/scratch-database";
import { freePort, median, startProductionApp } from "../scripts/support/production-app";
import { ensureNodeRed, startNodeRed } from "./support/node-red";

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const REQUESTS = Number(process.env.BENCH_REQUESTS) || 3000;
const WARMUP = 500;
const CONCURRENCY = 16;
const ADMIN_URL = process.env.BENCH_DATABASE_URL;
const DATA = { id: "con_001", name: "Ada Lovelace", tags: ["vip", "eu"] };

interface LoadSpec {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  check?: "status" | "relayRun";
}

interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  firstFailure: string | null;
  /** CPU time the server process spent per request, warm-up included; NaN where /proc is missing. */
  cpuMsPerRequest: number;
  /** On Postgres, the CPU time the database's processes on this machine spent per request. */
  databaseCpuMsPerRequest?: number;
}

async function main() {
  ensureBuild();
  const nodeRedVersion = ensureNodeRed();
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const echo = await startScript("bench/support/echo-server.mjs", {});
    cleanups.push(echo.stop);
    const echoUrl = `http://127.0.0.1:${echo.port}/echo`;
    const bare = await startScript("bench/support/bare-relay.mjs", { ECHO_URL: echoUrl });
    cleanups.push(bare.stop);
    const nodeRed = await startNodeRed(await freePort(), echoUrl);
    cleanups.push(nodeRed.stop);

    const database = ADMIN_URL ? await createScratchDatabase(ADMIN_URL, "relay_bench") : undefined;
    if (database) cleanups.push(database.drop);
    const databaseUrl = database?.url;
    const relay = await startProductionApp({
      env: { OUTBOUND_ALLOWLIST: `127.0.0.1:${echo.port}`, ...(databaseUrl && { DATABASE_URL: databaseUrl }) },
      nodeArgs: process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [],
    });
    cleanups.push(relay.stop);
    const runSpec = await prepareRelay(relay.base, relay.cookie, echoUrl);

    console.log(
      `engine-http: ${CONCURRENCY} keep-alive connections, ${WARMUP} warm-up + ${REQUESTS} measured requests per round; ` +
        `Relay on ${databaseUrl ? "Postgres" : "SQLite"}, Node-RED ${nodeRedVersion}`,
    );
    const json = { "content-type": "application/json" };
    print("echo server alone", await load({ url: echoUrl, method: "POST", headers: json, body: JSON.stringify(DATA) }, echo.pid), "req/s");
    print("node:http → echo", await load({ url: `http://127.0.0.1:${bare.port}/`, method: "POST", headers: json, body: JSON.stringify(DATA) }, bare.pid), "req/s");
    print("Relay GET /api/v1/health", await load({ url: `${relay.base}/api/v1/health` }, relay.pid), "req/s");

    const rounds = { nodeRed: [] as LoadResult[], relay: [] as LoadResult[] };
    for (let round = 1; round <= ROUNDS; round++) {
      const red = await load({ url: nodeRed.url, method: "POST", headers: json, body: JSON.stringify(DATA) }, nodeRed.pid);
      print(`Node-RED, round ${round}`, red, "runs/s");
      rounds.nodeRed.push(red);
      const ours = await load(runSpec, relay.pid, Boolean(databaseUrl));
      print(`Relay, round ${round}`, ours, "runs/s");
      rounds.relay.push(ours);
    }
    const summary = (results: LoadResult[]) => ({
      requests: results.reduce((sum, r) => sum + r.requests, 0),
      perSecond: median(results.map((r) => r.perSecond)),
      p50Ms: median(results.map((r) => r.p50Ms)),
      p99Ms: median(results.map((r) => r.p99Ms)),
      failures: results.reduce((sum, r) => sum + r.failures, 0),
      firstFailure: results.find((r) => r.firstFailure)?.firstFailure ?? null,
      cpuMsPerRequest: median(results.map((r) => r.cpuMsPerRequest)),
      ...(results[0]?.databaseCpuMsPerRequest !== undefined && { databaseCpuMsPerRequest: median(results.map((r) => r.databaseCpuMsPerRequest!)) }),
    });
    const [red, ours] = [summary(rounds.nodeRed), summary(rounds.relay)];
    print(`Node-RED, median of ${ROUNDS}`, red, "runs/s");
    print(`Relay, median of ${ROUNDS}`, ours, "runs/s");
    // The goals: 1.5× on SQLite, 1.0× on Postgres.
    console.log(`Relay/Node-RED: ${(ours.perSecond / red.perSecond).toFixed(2)}× the runs/s (the aim is ${ADMIN_URL ? "1.0× on Postgres" : "1.5× on SQLite"})`);
    if (ours.failures > 0) throw new Error(`${ours.failures} Relay answers were not a successful run with every execution recorded: ${ours.firstFailure}`);
  } finally {
    // Last started, first stopped: Relay's server ends (and writes its profile) before its database goes.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("cleanup failed:", error));
  }
}

function ensureBuild() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (fs.existsSync(path.join(distDir, "BUILD_ID"))) return;
  console.log(`no build in ${distDir}: building it (about a minute)…`);
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

/** An API token and a saved workflow `start → httpRequest (POST to the echo) → end`; answers the load spec that runs it. */
async function prepareRelay(base: string, cookie: string, echoUrl: string): Promise<LoadSpec> {
  const call = async (route: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${base}/api/v1${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`POST ${route} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const { token } = (await call("/apiTokens", { name: "bench" }, { cookie })) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const expression = (text: string) => ({ kind: "templateExpression", expression: text, instructTo: "none", fromRecipe: false });
  const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const node = (n: number, slug: string, actionSlug: string, config: Record<string, unknown>, children: string[]) => ({
    uuid: uuid(n),
    slug,
    kind: "native",
    actionSlug,
    config,
    childrenUuids: children,
    fallbackOnFailure: false,
    position: { x: 0, y: (n - 1) * 166 },
  });
  const nodes = [
    node(1, "start", "start", {}, [uuid(2)]),
    node(2, "request", "httpRequest", { method: "POST", url: echoUrl, body: expression("{{nodes.start}}") }, [uuid(3)]),
    node(3, "end", "end", { variables: [{ name: "echo", type: "object", value: expression("{{nodes.request.body}}") }] }, []),
  ];
  const { workflow } = (await call("/orchestration/workflows", { name: "engine-http bench", nodes }, auth)) as { workflow: { uuid: string } };
  const spec: LoadSpec = {
    url: `${base}/api/v1/orchestration/runs?waitUntilFinished=true`,
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ workflowUuid: workflow.uuid, data: DATA }),
    check: "relayRun",
  };
  const { run } = (await call("/orchestration/runs?waitUntilFinished=true", { workflowUuid: workflow.uuid, data: DATA }, auth)) as { run: { status: string; output: unknown } };
  if (run.status !== "success" || JSON.stringify(run.output) !== JSON.stringify({ echo: DATA })) throw new Error(`the first run did not echo its data: ${JSON.stringify(run)}`);
  return spec;
}

/** Runs the load generator in a process of its own. */
async function load(spec: LoadSpec, serverPid: number, withDatabase = false): Promise<LoadResult> {
  const before = cpuMs(serverPid);
  const databaseBefore = withDatabase ? postgresCpuMs() : undefined;
  const child = spawn(process.execPath, ["bench/support/load.mjs", JSON.stringify({ ...spec, concurrency: CONCURRENCY, warmup: WARMUP, requests: REQUESTS })], {
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
    cpuMsPerRequest: (cpuMs(serverPid) - before) / requests,
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
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") byPid.set(Number(entry), cpuMs(Number(entry)));
    } catch {
      // Gone meanwhile.
    }
  }
  return byPid;
}

const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** User + system CPU time of a process so far, in ms (Linux); NaN elsewhere. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

function print(label: string, result: LoadResult, unit: string) {
  const database = result.databaseCpuMsPerRequest === undefined ? "" : ` + database ${result.databaseCpuMsPerRequest.toFixed(2)}`;
  const cpu = Number.isNaN(result.cpuMsPerRequest) ? "" : `, server CPU ${result.cpuMsPerRequest.toFixed(2)}${database} ms/request`;
  const failed = result.failures > 0 ? `, ${result.failures} FAILED (${result.firstFailure})` : "";
  console.log(
    `${label.padEnd(28)} ${result.perSecond.toFixed(0).padStart(6)} ${unit}, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms${cpu}${failed}`,
  );
}

/** Starts one of bench/support's servers; they print `listening <port>` when ready. */
async function startScript(script: string, env: Record<string, string>) {
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
