import type http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { BatchFinishedEvent, CreateBatchRequestBody, type Batch } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { reply, startTestServer, type TestServer } from "@/lib/integrations/testing/test-server";
import { createConnector } from "../connectors";
import { closeDeps, createDeps, type Deps } from "../deps";
import { graph, tmpl } from "../testing/nodes";
import { verifyWebhookSignature } from "../webhooks/signature";
import { createBatchWorker, DEFAULT_BATCH_WORKER_TIMING } from "./batch-worker";
import { cancelBatch, createBatch, executeBatch, getBatch, listBatches, retryFailedRuns } from ".";

// Batch webhooks end to end: real storage (SQLite, and Postgres on that pass), the real queue, the
// demo integration, and a real receiver on a loopback port. The process's own batch sweep is
// stopped: each test sweeps with workers of its own, at times of its choosing.
const ws = DEFAULT_WORKSPACE_UUID;
const secret = "whsec_test-secret-0123456789";
let demo: RunningDemoIntegrationServer;
let deps: Deps;
let storage: TestStorage;
let receiver: TestServer;
/** What the receiver answers, one status per request, then 200. */
let answers: Array<number | "hang"> = [];
let integrationSlug: string;
let connectorUuid: string;

beforeAll(async () => {
  demo = await startDemoIntegrationServer({ port: 0, rateLimit: null });
  receiver = await startTestServer((_, res) => answer(res, answers.shift() ?? 200));
  storage = await createTestStorage("relay-batch-worker-");
  const settings = { dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: demo.url, outboundAllowlist: ["127.0.0.1"], version: "test" };
  deps = await createDeps(settings);
  await deps.runs.batches.stop();
  integrationSlug = (await deps.db.customIntegrations.list(ws))[0]!.slug;
  connectorUuid = (await createConnector(deps, ws, { integrationSlug, slug: "crm", name: "CRM", config: { apiKey: "demo-api-key", region: "eu" } })).uuid;
});
afterEach(() => {
  receiver.seen.length = 0;
  answers = [];
});
afterAll(async () => {
  await deps.runs.queue.idle();
  await closeDeps(deps);
  await receiver.close();
  await demo.close();
  await storage.cleanup();
});

function answer(res: http.ServerResponse, status: number | "hang") {
  if (status !== "hang") reply(res, status, status < 300 ? { received: true } : { errorMessage: "not now" });
}

const worker = (owner: string, timing = DEFAULT_BATCH_WORKER_TIMING) => createBatchWorker(deps, { owner, timing });
const end = { slug: "end", actionSlug: "end", config: { variables: [{ type: "any", name: "email", value: tmpl("{{nodes.start.email}}") }] } };
const echo = graph({ slug: "start", children: ["end"] }, end);
/** Runs that wait a moment first, so the batch is still running when its creation answers. */
const lingering = graph({ slug: "start", children: ["wait"] }, { slug: "wait", actionSlug: "delay", config: { minutes: 0.3 / 60 }, children: ["end"] }, end);
const people = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `p${i}`, email: `person${i}@example.com` }));
const hooked = (nodes = echo) => createBatch(deps, ws, { nodes, data: { kind: "records", records: people(3) }, webhookUrl: `${receiver.url}/hooks/batch`, webhookSecret: secret });

/** Waits for every run of the batch to end, without reading the batch (a read would settle it). */
async function runsEnded(uuid: string): Promise<void> {
  for (const deadline = Date.now() + 20_000; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const counts = await deps.db.batches.counts(uuid);
    if (counts.runsCount > 0 && counts.executedRunsCount === counts.runsCount) return;
    if (Date.now() > deadline) throw new Error(`runs of ${uuid} still going: ${JSON.stringify(counts)}`);
  }
}

const delivered = () => receiver.seen.map((request) => ({ ...request, event: BatchFinishedEvent.parse(request.body) }));

describe("batch webhooks", () => {
  it("delivers batch.finished once the batch ends, settled by the sweep, signed so the shared verifier accepts it", async () => {
    const created = await hooked(lingering);
    expect(created.status).toBe("running");
    expect(created.webhookUrl).toBe(`${receiver.url}/hooks/batch`);
    expect(created.webhook).toMatchObject({ status: "pending", attempts: 0, deliveredAt: null });
    await runsEnded(created.uuid);
    expect((await deps.db.batches.get(ws, created.uuid))?.status).toBe("running");

    await worker("worker-a").sweep();
    const [request, ...more] = delivered();
    expect(more).toEqual([]);
    expect(request).toMatchObject({ method: "POST", path: "/hooks/batch" });
    expect(request!.headers).toMatchObject({ "content-type": "application/json", "x-relay-event": "batch.finished", "x-relay-delivery": expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(request!.event.batch).toMatchObject({ uuid: created.uuid, status: "success", runsCount: 3, executedRunsCount: 3, failedRunsCount: 0 });
    // The delivery id is signed too: it is in the body the signature covers.
    expect(request!.event.deliveryUuid).toBe(request!.headers["x-relay-delivery"]);

    const signature = request!.headers["x-relay-signature"] as string;
    expect(verifyWebhookSignature(secret, request!.text, signature, new Date())).toMatchObject({ valid: true });
    expect(verifyWebhookSignature("whsec_not-the-secret-00000", request!.text, signature, new Date())).toEqual({ valid: false, reason: "mismatch" });
    expect(verifyWebhookSignature(secret, request!.text, signature, new Date(Date.now() + 10 * 60_000))).toEqual({ valid: false, reason: "stale" });

    const batch = await getBatch(deps, ws, created.uuid);
    expect(batch.webhook).toMatchObject({ status: "delivered", attempts: 1, lastError: null, deliveredAt: expect.any(String) });
    await worker("worker-a").sweep();
    expect(receiver.seen).toHaveLength(1);
  });

  it("retries a 500 after the first delay, and ends delivered with attempts 2 under one delivery id", async () => {
    answers = [500, 200];
    const created = await hooked();
    await runsEnded(created.uuid);
    const t0 = new Date();
    const sweeper = worker("worker-a");
    await sweeper.sweep(t0);
    expect((await getBatch(deps, ws, created.uuid)).webhook).toEqual({
      status: "pending",
      attempts: 1,
      lastError: "The receiver answered HTTP 500 Internal Server Error",
      nextAttemptAt: new Date(t0.getTime() + 10_000).toISOString(),
      deliveredAt: null,
    });
    await sweeper.sweep(new Date(t0.getTime() + 9_000));
    expect(receiver.seen).toHaveLength(1);
    await sweeper.sweep(new Date(t0.getTime() + 10_000));
    expect((await getBatch(deps, ws, created.uuid)).webhook).toMatchObject({ status: "delivered", attempts: 2, lastError: null, nextAttemptAt: null });
    const [first, second] = delivered();
    expect(second!.headers["x-relay-delivery"]).toBe(first!.headers["x-relay-delivery"]);
    expect(second!.event.batch.webhook).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("gives up after the last attempt, failed with a readable lastError (a timeout, then an error status)", async () => {
    answers = ["hang", 503];
    const created = await hooked();
    await runsEnded(created.uuid);
    const sweeper = worker("worker-a", { sweepMs: 1_000, webhook: { leaseMs: 5_000, timeoutMs: 300, retryDelaysMs: [1_000] } });
    const t0 = new Date();
    await sweeper.sweep(t0);
    expect((await getBatch(deps, ws, created.uuid)).webhook).toMatchObject({ status: "pending", attempts: 1, lastError: "The receiver did not answer within 0.3 s" });
    await sweeper.sweep(new Date(t0.getTime() + 1_000));
    const { webhook } = await getBatch(deps, ws, created.uuid);
    expect(webhook).toEqual({ status: "failed", attempts: 2, lastError: "The receiver answered HTTP 503 Service Unavailable", nextAttemptAt: null, deliveredAt: null });
    await sweeper.sweep(new Date(t0.getTime() + 60 * 60_000));
    expect(receiver.seen).toHaveLength(2);
  });

  it("delivers a cancelled batch with its status cancelled", async () => {
    const slow = graph({ slug: "start", children: ["wait"] }, { slug: "wait", actionSlug: "delay", config: { minutes: 1 }, children: ["end"] }, { slug: "end", actionSlug: "end", config: { variables: [] } });
    const created = await createBatch(deps, ws, { nodes: slow, data: { kind: "records", records: people(5) }, webhookUrl: receiver.url, webhookSecret: secret });
    await worker("worker-a").sweep();
    expect(receiver.seen).toHaveLength(0);
    await cancelBatch(deps, ws, created.uuid);
    await worker("worker-a").sweep();
    expect(delivered().map((request) => request.event.batch)).toEqual([expect.objectContaining({ uuid: created.uuid, status: "cancelled", finishedAt: expect.any(String) })]);
  });

  it("is delivered once by two workers sweeping one database at the same time", async () => {
    const created = await hooked();
    await runsEnded(created.uuid);
    const [a, b] = [worker("worker-a"), worker("worker-b")];
    const now = new Date();
    await Promise.all([a.sweep(now), b.sweep(now), b.sweep(now), a.sweep(now)]);
    await Promise.all([a.sweep(now), b.sweep(now)]);
    expect(delivered().map((request) => request.event.batch.uuid)).toEqual([created.uuid]);
    expect((await getBatch(deps, ws, created.uuid)).webhook).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("is due again, under a new delivery id, when a retry of the failed runs ends the batch again", async () => {
    const crm = { kind: "connector" as const, integrationSlug, actionSlug: "createRecord", connectorUuid };
    const records = [{ objectType: "contacts", fields: { email: "good@example.com" } }, { objectType: "contacts", fields: { email: "not-an-email" } }];
    const created = await executeBatch(deps, ws, { action: crm, records, webhookUrl: receiver.url, webhookSecret: secret });
    await runsEnded(created.uuid);
    await worker("worker-a").sweep();
    await retryFailedRuns(deps, ws, created.uuid);
    expect((await getBatch(deps, ws, created.uuid)).webhook).toMatchObject({ status: "pending", attempts: 0 });
    await runsEnded(created.uuid);
    await worker("worker-a").sweep();
    const [first, second] = delivered();
    expect([first!.event.batch.failedRunsCount, second!.event.batch.failedRunsCount]).toEqual([1, 1]);
    expect(second!.headers["x-relay-delivery"]).not.toBe(first!.headers["x-relay-delivery"]);

    // A retry with nothing left to retry sends nothing more.
    const clean = await executeBatch(deps, ws, { action: crm, records: records.slice(0, 1), webhookUrl: receiver.url, webhookSecret: secret });
    await runsEnded(clean.uuid);
    await worker("worker-a").sweep();
    await retryFailedRuns(deps, ws, clean.uuid);
    await worker("worker-a").sweep();
    expect(delivered().filter((request) => request.event.batch.uuid === clean.uuid)).toHaveLength(1);
    expect((await getBatch(deps, ws, clean.uuid)).webhook).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("never answers, stores or logs the secret in clear, and refuses a webhookUrl without one", async () => {
    const created = await hooked();
    await runsEnded(created.uuid);
    await worker("worker-a").sweep();
    const answered: Batch[] = [created, await getBatch(deps, ws, created.uuid), ...(await listBatches(deps, ws, { statuses: undefined, limit: 500 }))];
    for (const batch of answered) expect(JSON.stringify(batch)).not.toContain(secret);
    expect(receiver.seen[0]!.text).not.toContain(secret);
    const row = await deps.db.client.get<{ sealed_secret: string }>("SELECT sealed_secret FROM batch_webhooks WHERE batch_uuid = ?", [created.uuid]);
    expect(row!.sealed_secret).not.toContain(secret);
    expect(deps.vault.decrypt(row!.sealed_secret)).toBe(secret);

    const body = { nodes: echo, data: { kind: "records" }, webhookUrl: receiver.url };
    expect(CreateBatchRequestBody.safeParse(body).error?.issues).toEqual([expect.objectContaining({ path: ["webhookSecret"] })]);
    const short = CreateBatchRequestBody.safeParse({ ...body, webhookSecret: "short-s3cret" }).error!;
    expect(short.issues).toEqual([expect.objectContaining({ path: ["webhookSecret"], message: "must be at least 16 characters" })]);
    expect(JSON.stringify(short.issues)).not.toContain("short-s3cret");
    expect(CreateBatchRequestBody.safeParse({ ...body, webhookUrl: "ftp://example.com", webhookSecret: secret }).error?.issues).toEqual([
      expect.objectContaining({ path: ["webhookUrl"], message: "must be an http or https URL" }),
    ]);
  });
});
