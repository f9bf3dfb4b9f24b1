import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import type { Batch } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { StoredBatch } from "@/lib/db/repositories/batches";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { createConnector } from "../connectors";
import { closeDeps, createDeps, type Deps } from "../deps";
import { graph, tmpl } from "../testing/nodes";
import { createBatchRuns } from "./batch-runs";
import { createBatchWorker } from "./batch-worker";
import { executeBatch, getBatch, retryFailedRuns } from ".";

// A batch whose holder died while it was `pending`: real storage (both dialects), the real queue
// and the demo integration. The dead process is played by writing what it would have left: the
// batch row leased to it and part of its runs. The process's own sweep is stopped; the tests sweep.
const ws = DEFAULT_WORKSPACE_UUID;
const dead = "dead-host:4242:1:00000000/0000";
let demo: RunningDemoIntegrationServer;
let deps: Deps;
let storage: TestStorage;
let integrationSlug: string;
let connectorUuid: string;

beforeAll(async () => {
  demo = await startDemoIntegrationServer({ port: 0, rateLimit: null });
  storage = await createTestStorage("relay-batch-takeover-");
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: demo.url, version: "test" });
  await deps.runs.batches.stop();
  integrationSlug = (await deps.db.customIntegrations.list(ws))[0]!.slug;
  connectorUuid = (await createConnector(deps, ws, { integrationSlug, slug: "crm", name: "CRM", config: { apiKey: "demo-api-key", region: "eu" } })).uuid;
});
afterAll(async () => {
  await deps.runs.queue.idle();
  await closeDeps(deps);
  await demo.close();
  await storage.cleanup();
});

const echo = graph({ slug: "start", children: ["end"] }, { slug: "end", actionSlug: "end", config: { variables: [{ type: "any", name: "email", value: tmpl("{{nodes.start.email}}") }] } });
const sweep = (now: Date) => createBatchWorker(deps, { owner: "worker-b" }).sweep(now);
const later = (ms: number) => new Date(Date.now() + ms);

async function finished(uuid: string): Promise<Batch> {
  for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const batch = await getBatch(deps, ws, uuid);
    if (batch.status !== "pending" && batch.status !== "running") return batch;
    if (Date.now() > deadline) throw new Error(`batch still ${batch.status}`);
  }
}

/** How many runs each record has in the batch: current ones, and those a retry replaced. */
async function runsByRecord(batchUuid: string) {
  const rows = await deps.db.client.all<{ record_id: string; retried_at: string | null }>("SELECT record_id, retried_at FROM runs WHERE batch_uuid = ?", [batchUuid]);
  const count = (retried: boolean) =>
    rows.filter((row) => (row.retried_at !== null) === retried).reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.record_id]: (counts[row.record_id] ?? 0) + 1 }), {});
  return { current: count(false), replaced: count(true) };
}

describe("a batch whose holder died", () => {
  it("is created to the end by a worker once the lease runs out: one run per record, none twice, and it ends success", async () => {
    // 450 records (three chunks), one id given twice: the dead creator made runs for the first
    // chunk and part of the second, as its concurrent creations would leave them.
    const records = Array.from({ length: 450 }, (_, i) => ({ id: i === 300 ? "p10" : `p${i}`, email: `person${i}@example.com` }));
    const now = new Date().toISOString();
    const batch: StoredBatch = { uuid: crypto.randomUUID(), workspaceUuid: ws, workflowUuid: null, releaseUuid: null, nodes: echo, data: { kind: "records", records }, status: "pending", errorMessage: null, createdAt: now, updatedAt: now, finishedAt: null };
    await deps.db.batches.create(batch, { holder: dead, expiresAt: later(20_000), task: "create" });
    const made = [...records.slice(0, 200), ...records.slice(230, 260)].map((data) => ({ data, recordId: data.id, recordTitle: data.id }));
    await createBatchRuns(deps, batch, made);

    await sweep(new Date());
    expect((await deps.db.batches.counts(batch.uuid)).runsCount).toBe(230);
    expect(await deps.db.batches.transition(ws, batch.uuid, ["pending"], "running", { heldBy: "someone-else" })).toBe(false);

    await sweep(later(21_000));
    expect((await deps.db.batches.get(ws, batch.uuid))?.status).not.toBe("pending");
    const done = await finished(batch.uuid);
    expect(done).toMatchObject({ status: "success", runsCount: 450, executedRunsCount: 450, failedRunsCount: 0 });
    const { current } = await runsByRecord(batch.uuid);
    expect(current.p10).toBe(2);
    expect(Object.entries(current).filter(([id, count]) => id !== "p10" && count !== 1)).toEqual([]);
    expect(Object.keys(current)).toHaveLength(449);
  });

  it("ends a retry whose process died: running again, the runs it had made kept, no record counted twice", async () => {
    const crm = { kind: "connector" as const, integrationSlug, actionSlug: "createRecord", connectorUuid };
    const records = ["a@example.com", "bad-1", "b@example.com", "bad-2", "bad-3"].map((email, i) => ({ id: `r${i}`, objectType: "contacts", fields: { email } }));
    const before = await finished((await executeBatch(deps, ws, { action: crm, records })).uuid);
    expect(before).toMatchObject({ status: "success", runsCount: 5, failedRunsCount: 3 });

    // The dead retry had made the pending batch's replacement for r1, and not yet marked r1's failed run.
    const stored = (await deps.db.batches.get(ws, before.uuid))!;
    await deps.db.batches.transition(ws, before.uuid, ["success"], "pending", { lease: { holder: dead, expiresAt: later(-1_000), task: "retry" } });
    await createBatchRuns(deps, stored, [{ data: records[1]!, recordId: "r1", recordTitle: "r1" }]);
    expect((await deps.db.batches.counts(before.uuid)).runsCount).toBe(6);

    await sweep(new Date());
    const after = await finished(before.uuid);
    expect(after).toMatchObject({ status: "success", runsCount: 5, executedRunsCount: 5, failedRunsCount: 3 });
    expect(await runsByRecord(before.uuid)).toEqual({ current: { r0: 1, r1: 1, r2: 1, r3: 1, r4: 1 }, replaced: { r1: 1 } });

    // Retryable again, as any finished batch.
    await retryFailedRuns(deps, ws, before.uuid);
    expect(await finished(before.uuid)).toMatchObject({ status: "success", runsCount: 5, failedRunsCount: 3 });
    expect((await runsByRecord(before.uuid)).replaced).toEqual({ r1: 2, r3: 1, r4: 1 });
  });
});
