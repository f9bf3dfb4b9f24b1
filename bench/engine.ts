// bench/engine: 1000 runs of start → a demo action (lookupRecord, a zero-latency endpoint of the
// demo integration on a loopback port) → end, executed by the real engine in this one process
// (real SQLite file, real expression sandbox, real HTTP). The baseline is the same 1000 action
// calls made directly through the integration client at the same concurrency, so the ratio is
// what the engine adds. Then the time to validate a generated 1000-node graph.
// Run with `npm run bench engine` (node --conditions=react-server --import tsx bench/engine.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startDemoIntegrationServer } from "@/examples/demo-integration/server";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { closeDeps, createDeps } from "@/lib/server/deps";
import { createRun } from "@/lib/server/runs";
import { validationCatalog } from "@/lib/server/validate-nodes";
import { validateNodes } from "@/lib/workflow";
import { generateGraph } from "@/lib/workflow/testing/generate-graph";
import { demoLookupGraph } from "./support/demo-lookup";

const RUNS = Number(process.env.BENCH_RUNS) || 1000;
const CONCURRENCY = 8;
const ws = DEFAULT_WORKSPACE_UUID;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  // No declared rate limit: the demo's 20 calls/s would measure the limiter, not the engine.
  const demo = await startDemoIntegrationServer({ port: 0, rateLimit: null });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "relay-bench-engine-"));
  const deps = await createDeps({ dataDir, demoIntegrationUrl: demo.url, version: "bench" });
  try {
    const { integration, connector, nodes } = await demoLookupGraph(deps);

    // Warm-up: sandbox, manifest cache, connections.
    await createRun(deps, ws, { nodes, data: { id: "con_001" } }, { wait: true });

    const client = deps.integrations.clientFor(await deps.integrations.get(ws, integration.slug));
    const ref = { uuid: connector.uuid, workspaceUuid: ws, config: { apiKey: "demo-api-key", region: "eu" } };
    let next = 0;
    const baselineStart = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < RUNS) {
          const index = next++;
          await client.executeAction(ref, "lookupRecord", { objectType: "contacts", id: `con_${String((index % 50) + 1).padStart(3, "0")}` }, { idempotencyKey: `baseline-${index}` });
        }
      }),
    );
    const baselineSeconds = (performance.now() - baselineStart) / 1000;

    // The same concurrency as the baseline, each caller waiting for its run to end (as
    // `?waitUntilFinished=true` does), so the runs/s count finished runs.
    const runsStart = performance.now();
    next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < RUNS) {
          const index = next++;
          await createRun(deps, ws, { nodes, data: { id: `con_${String((index % 50) + 1).padStart(3, "0")}` } }, { wait: true });
        }
      }),
    );
    const runsSeconds = (performance.now() - runsStart) / 1000;
    const runs = await deps.db.runs.list({ workspaceUuid: ws, limit: 500 });
    const failed = runs.filter((run) => run.status !== "success").length;
    if (failed > 0) throw new Error(`${failed} of the last 500 runs did not succeed`);

    const runsPerSecond = RUNS / runsSeconds;
    const callsPerSecond = RUNS / baselineSeconds;
    console.log(`engine: ${RUNS} runs (start → lookupRecord → end, concurrency ${CONCURRENCY}) in ${runsSeconds.toFixed(2)} s = ${runsPerSecond.toFixed(0)} runs/s`);
    console.log(`baseline: ${RUNS} direct action calls in ${baselineSeconds.toFixed(2)} s = ${callsPerSecond.toFixed(0)} calls/s`);
    console.log(`engine throughput is ${(runsPerSecond / callsPerSecond).toFixed(2)}× the bare action calls`);

    const catalog = await validationCatalog(deps, ws);
    const big = generateGraph(1000);
    const small = generateGraph(100);
    let start = performance.now();
    const result = validateNodes(big, catalog);
    const cold = performance.now() - start;
    if (result.outcome !== "valid") throw new Error(`the generated graph should be valid: ${JSON.stringify(result).slice(0, 300)}`);
    const warm: number[] = [];
    const warmSmall: number[] = [];
    for (let index = 0; index < 15; index++) {
      start = performance.now();
      validateNodes(big, catalog);
      warm.push(performance.now() - start);
      start = performance.now();
      validateNodes(small, catalog);
      warmSmall.push(performance.now() - start);
    }
    console.log(`validate 1000-node graph: ${median(warm).toFixed(1)} ms median warm (first call ${cold.toFixed(1)} ms); 100 nodes: ${median(warmSmall).toFixed(1)} ms (${(median(warm) / median(warmSmall)).toFixed(1)}× for 10× the nodes)`);
  } finally {
    await closeDeps(deps);
    await demo.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
