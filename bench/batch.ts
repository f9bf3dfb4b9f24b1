// bench/batch: (1) a batch of 10,000 records (BENCH_BATCH_RECORDS) over start → a demo action
// (lookupRecord, zero latency, no declared rate limit) → end, against the engine's single-run
// throughput measured in the same run (the same graph, one run at a time per caller, RUN_CONCURRENCY
// callers, each waiting for its run to end): the goal is ≥ 90 %. (2) The process's RSS while a
// 100,000-row CSV (BENCH_CSV_ROWS) is uploaded, imported as a batch's records and run over
// start → end: the goal is growth under 150 MB. One process, real SQLite file (or BENCH_DATABASE_URL),
// real HTTP to the demo integration.
// Run with `npm run bench batch`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { performance } from "node:perf_hooks";
import { startDemoIntegrationServer } from "@/examples/demo-integration/server";
import type { Batch } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createScratchDatabase } from "@/lib/db/testing/scratch-database";
import { createBatch, getBatch } from "@/lib/server/batches";
import { closeDeps, createDeps, type Deps } from "@/lib/server/deps";
import { uploadFile } from "@/lib/server/files";
import { createRun } from "@/lib/server/runs";
import { DEFAULT_RUN_CONCURRENCY } from "@/lib/server/settings";
import { graph, tmpl } from "@/lib/server/testing/nodes";
import { demoLookupGraph } from "./support/demo-lookup";

const RECORDS = Number(process.env.BENCH_BATCH_RECORDS) || 10_000;
const SINGLE_RUNS = Number(process.env.BENCH_SINGLE_RUNS) || 2_000;
const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS) || 100_000;
const ws = DEFAULT_WORKSPACE_UUID;
const MB = 1024 * 1024;

async function finished(deps: Deps, uuid: string): Promise<Batch> {
  for (;;) {
    const batch = await getBatch(deps, ws, uuid);
    if (batch.status !== "pending" && batch.status !== "running") return batch;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Samples this process's RSS every 20 ms until stopped; answers the highest seen. */
function rssPeak() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

function csvLines(rows: number): Readable {
  return Readable.from(
    (function* () {
      yield "id,name,email,score,signedUpAt\n";
      let chunk = "";
      for (let i = 0; i < rows; i++) {
        chunk += `r${i},Person ${i},person${i}@example.com,${i % 1000},2024-0${(i % 9) + 1}-1${i % 10}T10:00:00Z\n`;
        if (chunk.length > 64 * 1024) {
          yield chunk;
          chunk = "";
        }
      }
      yield chunk;
    })(),
  );
}

async function main() {
  const demo = await startDemoIntegrationServer({ port: 0, rateLimit: null });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "relay-bench-batch-"));
  const scratch = process.env.BENCH_DATABASE_URL ? await createScratchDatabase(process.env.BENCH_DATABASE_URL, "relay_bench_") : null;
  const deps = await createDeps({ dataDir, databaseUrl: scratch?.url, demoIntegrationUrl: demo.url, version: "bench" });
  try {
    const { nodes } = await demoLookupGraph(deps);
    // The batch's records carry the contact to look up in `contact` (their `id` names the record).
    const batchNodes = nodes.map((node) => (node.slug === "lookup" ? { ...node, config: { objectType: "contacts", id: tmpl("{{nodes.start.contact}}") } } : node));
    const contact = (index: number) => `con_${String((index % 50) + 1).padStart(3, "0")}`;
    await createRun(deps, ws, { nodes, data: { id: contact(0) } }, { wait: true });

    const concurrency = deps.settings.runConcurrency ?? DEFAULT_RUN_CONCURRENCY;
    let next = 0;
    const singleStart = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < SINGLE_RUNS) await createRun(deps, ws, { nodes, data: { id: contact(next++) } }, { wait: true });
      }),
    );
    const singleRate = SINGLE_RUNS / ((performance.now() - singleStart) / 1000);

    const records = Array.from({ length: RECORDS }, (_, index) => ({ id: `rec_${index}`, name: `Record ${index}`, contact: contact(index) }));
    const batchStart = performance.now();
    const created = await createBatch(deps, ws, { nodes: batchNodes, data: { kind: "records", records } });
    const createdSeconds = (performance.now() - batchStart) / 1000;
    const done = await finished(deps, created.uuid);
    const batchSeconds = (performance.now() - batchStart) / 1000;
    if (done.status !== "success" || done.failedRunsCount > 0 || done.runsCount !== RECORDS) throw new Error(`the batch did not run cleanly: ${JSON.stringify(done)}`);
    const batchRate = RECORDS / batchSeconds;
    console.log(`single runs: ${SINGLE_RUNS} runs (start → lookupRecord → end, ${concurrency} callers waiting for each) = ${singleRate.toFixed(0)} runs/s`);
    console.log(`batch: ${RECORDS} records in ${batchSeconds.toFixed(2)} s (runs created after ${createdSeconds.toFixed(2)} s) = ${batchRate.toFixed(0)} runs/s`);
    console.log(`batch throughput is ${((batchRate / singleRate) * 100).toFixed(0)} % of single-run throughput (goal ≥ 90 %)`);

    global.gc?.();
    const before = process.memoryUsage.rss();
    const stop = rssPeak();
    const uploadStart = performance.now();
    const upload = new Request("http://localhost/api/v1/workspace/files", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=bench" },
      body: Readable.toWeb(
        Readable.from(
          (async function* () {
            yield '--bench\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n';
            for await (const chunk of csvLines(CSV_ROWS)) yield chunk;
            yield "\r\n--bench--\r\n";
          })(),
        ),
      ) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    const file = await uploadFile(deps, ws, upload);
    const uploadSeconds = (performance.now() - uploadStart) / 1000;
    const light = graph({ slug: "start", children: ["end"] }, { slug: "end", actionSlug: "end", config: { variables: [{ name: "email", type: "any", value: tmpl("{{nodes.start.email}}") }] } });
    const fileBatchStart = performance.now();
    const fileBatch = await finished(deps, (await createBatch(deps, ws, { nodes: light, data: { kind: "file", fileUuid: file.uuid } })).uuid);
    const fileBatchSeconds = (performance.now() - fileBatchStart) / 1000;
    const peak = stop();
    if (fileBatch.runsCount !== CSV_ROWS || fileBatch.failedRunsCount > 0) throw new Error(`the file batch did not run cleanly: ${JSON.stringify(fileBatch)}`);
    console.log(
      `CSV: ${CSV_ROWS} rows (${(file.size / MB).toFixed(1)} MB) uploaded in ${uploadSeconds.toFixed(1)} s and batched in ${fileBatchSeconds.toFixed(1)} s; ` +
        `RSS ${(before / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB: growth ${((peak - before) / MB).toFixed(0)} MB (goal < 150 MB)`,
    );
  } finally {
    await closeDeps(deps);
    await demo.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
