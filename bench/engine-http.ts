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
// the rounds (3) and measured requests (3000); BENCH_WEB_PROCESSES=N serves Relay from N processes
// (WEB_PROCESSES, default 1; a baseline from before WEB_PROCESSES serves from one); BENCH_CPU_PROFILE=<folder> writes a CPU profile of
// Relay's server there (summarise it with bench/support/cpu-profile-summary.mjs).
// BENCH_BASELINE=<git revision> also starts that revision's server (a git worktree sharing this
// checkout's node_modules and build, removed afterwards) and measures it in the same rounds, so a
// change is compared within one sitting: the machine's speed moves by a third between sittings.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createScratchDatabase } from "../lib/db/testing/scratch-database";
import { freePort, median, startProductionApp } from "../scripts/support/production-app";
import { checkoutBaseline } from "./support/baseline-tree";
import { CONCURRENCY, load, print, REQUESTS, startScript, WARMUP, type LoadResult, type LoadSpec } from "./support/load-rounds";
import { ensureNodeRed, startNodeRed } from "./support/node-red";

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const ADMIN_URL = process.env.BENCH_DATABASE_URL;
const BASELINE = process.env.BENCH_BASELINE;
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
/** Relay's web processes (WEB_PROCESSES of `npm start`); its CPU is theirs and the primary's together. */
const WEB_PROCESSES = Number(process.env.BENCH_WEB_PROCESSES) || 1;
const DATA = { id: "con_001", name: "Ada Lovelace", tags: ["vip", "eu"] };

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

    /** Relay's production server from `cwd` (this checkout, or the baseline's) over a database of its own, ready to run the workflow. */
    const startRelay = async (cwd: string | undefined, profile: boolean) => {
      const database = ADMIN_URL ? await createScratchDatabase(ADMIN_URL, "relay_bench") : undefined;
      if (database) cleanups.push(database.drop);
      const relay = await startProductionApp({
        cwd,
        env: { OUTBOUND_ALLOWLIST: `127.0.0.1:${echo.port}`, WEB_PROCESSES: String(WEB_PROCESSES), ...(database && { DATABASE_URL: database.url }) },
        nodeArgs: profile && process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [],
      });
      cleanups.push(relay.stop);
      return { ...relay, spec: await prepareRelay(relay.base, relay.cookie, echoUrl) };
    };
    const relay = await startRelay(undefined, true);
    const runSpec = relay.spec;
    // BENCH_BASELINE=<revision>: that revision's server too, in the same rounds, for a ratio not moved by the machine's sitting.
    const baselineTree = BASELINE ? checkoutBaseline(BASELINE, DIST_DIR) : undefined;
    if (baselineTree) cleanups.push(async () => baselineTree.remove());
    const baseline = baselineTree && (await startRelay(baselineTree.dir, false));

    console.log(
      `engine-http: ${CONCURRENCY} keep-alive connections, ${WARMUP} warm-up + ${REQUESTS} measured requests per round; ` +
        `Relay on ${ADMIN_URL ? "Postgres" : "SQLite"}${WEB_PROCESSES > 1 ? ` in ${WEB_PROCESSES} web processes` : ""}, Node-RED ${nodeRedVersion}`,
    );
    const json = { "content-type": "application/json" };
    print("echo server alone", await load({ url: echoUrl, method: "POST", headers: json, body: JSON.stringify(DATA) }, echo.pid), "req/s");
    print("node:http → echo", await load({ url: `http://127.0.0.1:${bare.port}/`, method: "POST", headers: json, body: JSON.stringify(DATA) }, bare.pid), "req/s");
    print("Relay GET /api/v1/health", await load({ url: `${relay.base}/api/v1/health` }, relay.pid), "req/s");

    const rounds = { nodeRed: [] as LoadResult[], relay: [] as LoadResult[], baseline: [] as LoadResult[] };
    for (let round = 1; round <= ROUNDS; round++) {
      const red = await load({ url: nodeRed.url, method: "POST", headers: json, body: JSON.stringify(DATA) }, nodeRed.pid);
      print(`Node-RED, round ${round}`, red, "runs/s");
      rounds.nodeRed.push(red);
      if (baseline) {
        const before = await load(baseline.spec, baseline.pid, Boolean(ADMIN_URL));
        print(`Relay ${baselineTree!.commit}, round ${round}`, before, "runs/s");
        rounds.baseline.push(before);
      }
      const ours = await load(runSpec, relay.pid, Boolean(ADMIN_URL));
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
      clientCpuMsPerRequest: median(results.map((r) => r.clientCpuMsPerRequest)),
      ...(results[0]?.databaseCpuMsPerRequest !== undefined && { databaseCpuMsPerRequest: median(results.map((r) => r.databaseCpuMsPerRequest!)) }),
    });
    const [red, ours] = [summary(rounds.nodeRed), summary(rounds.relay)];
    print(`Node-RED, median of ${ROUNDS}`, red, "runs/s");
    print(`Relay, median of ${ROUNDS}`, ours, "runs/s");
    // Also the median of each round's own ratio: the machine's speed moves from round to round,
    // and a ratio within one round is measured minutes apart at most.
    const paired = (ourRounds: LoadResult[], theirRounds: LoadResult[]) => median(ourRounds.map((result, index) => result.perSecond / theirRounds[index]!.perSecond)).toFixed(2);
    if (baselineTree) {
      const before = summary(rounds.baseline);
      print(`Relay ${baselineTree.commit}, median of ${ROUNDS}`, before, "runs/s");
      console.log(
        `Relay/Node-RED at ${baselineTree.commit}: ${(before.perSecond / red.perSecond).toFixed(2)}×; this tree/${baselineTree.commit}: ${(ours.perSecond / before.perSecond).toFixed(2)}× the runs/s ` +
          `(median of the rounds' own ratios: ${paired(rounds.relay, rounds.baseline)}×)`,
      );
    }
    // The issue's goals: 1.5× on SQLite, 1.0× on Postgres.
    console.log(
      `Relay/Node-RED: ${(ours.perSecond / red.perSecond).toFixed(2)}× the runs/s, median of the rounds' own ratios ${paired(rounds.relay, rounds.nodeRed)}× ` +
        `(the aim is ${ADMIN_URL ? "1.0× on Postgres" : "1.5× on SQLite"})`,
    );
    if (rounds.baseline.some((result) => result.failures > 0)) throw new Error(`the baseline's answers were not all successful runs: ${rounds.baseline.find((result) => result.firstFailure)?.firstFailure}`);
    if (ours.failures > 0) throw new Error(`${ours.failures} Relay answers were not a successful run with every execution recorded: ${ours.firstFailure}`);
  } finally {
    // Last started, first stopped: Relay's server ends (and writes its profile) before its database goes.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("cleanup failed:", error));
  }
}

function ensureBuild() {
  const distDir = DIST_DIR;
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
