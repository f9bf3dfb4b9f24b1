import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Batch } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestModel } from "@/lib/db/testing/test-model";
import type { Deps } from "../deps";
import type { AppError } from "../errors";
import { uploadFile } from "../files/upload-file";
import { removeSegment } from "../records/segments";
import { listRuns } from "../runs";
import { demoDeps } from "../testing/demo-deps";
import { graph, tmpl } from "../testing/nodes";
import {
  cancelBatch,
  countWorkflowRecords,
  createBatch,
  downloadBatch,
  executeBatch,
  getBatch,
  listBatches,
  listWorkflowRecords,
  retryFailedRuns,
  workflowRecordMetrics,
} from ".";

// Batches end to end: real storage (SQLite, and Postgres on that pass), the real queue, the demo
// integration over HTTP without its rate limit (1,000 runs in seconds).
const ws = DEFAULT_WORKSPACE_UUID;
const setup = demoDeps("relay-batches-", { demo: { rateLimit: null } });
let deps: Deps;
let connectorUuid: string;
let integrationSlug: string;
beforeAll(() => {
  ({ deps, connectorUuid, integrationSlug } = setup);
});

const crm = (actionSlug: string, config: Record<string, unknown>) => ({ kind: "connector" as const, integrationSlug, actionSlug, connectorUuid, config });
/** start → create a contact from the record → end; a record whose email is not one fails at the demo (400). */
const createContact = ({ waitMs = 0 } = {}) =>
  graph(
    { slug: "start", children: [waitMs ? "wait" : "create"] },
    ...(waitMs ? [{ slug: "wait", actionSlug: "delay", config: { minutes: waitMs / 60_000 }, children: ["create"] }] : []),
    { slug: "create", ...crm("createRecord", { objectType: "contacts", fields: { email: tmpl("{{nodes.start.email}}"), firstName: tmpl("{{nodes.start.name}}") } }), children: ["end"] },
    { slug: "end", actionSlug: "end", config: { variables: [{ type: "any", name: "contactId", value: tmpl("{{nodes.create.id}}") }] } },
  );
const echo = graph({ slug: "start", children: ["end"] }, { slug: "end", actionSlug: "end", config: { variables: [{ type: "any", name: "email", value: tmpl("{{nodes.start.email}}") }] } });
const people = (count: number, bad = (_: number) => false) =>
  Array.from({ length: count }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, email: bad(i) ? "not-an-email" : `person${i}@example.com` }));

async function finished(uuid: string, timeoutMs = 30_000): Promise<Batch> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const batch = await getBatch(deps, ws, uuid);
    if (batch.status !== "pending" && batch.status !== "running") return batch;
    if (Date.now() > deadline) throw new Error(`batch still ${batch.status}: ${JSON.stringify(batch)}`);
  }
}

/** Every run of the batch (current or replaced by a retry), straight from the store. */
async function runsOf(batchUuid: string) {
  const rows = await deps.db.client.all<{ uuid: string; record_id: string; status: string; retried_at: string | null; data_json: string }>(
    "SELECT uuid, record_id, status, retried_at, data_json FROM runs WHERE batch_uuid = ? ORDER BY record_id, uuid",
    [batchUuid],
  );
  return rows.map((row) => ({ uuid: row.uuid, recordId: row.record_id, status: row.status, retried: row.retried_at !== null, data: JSON.parse(row.data_json) }));
}

async function csvOf(response: Response) {
  expect(response.headers.get("content-type")).toContain("text/csv");
  return Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
}

const rejection = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("resolved"), (error: unknown) => error as AppError);

describe("a batch of records", () => {
  it("runs 1,000 records once each, all succeed, and downloads a row per record with the node's output", async () => {
    const records = people(1_000);
    const started = Date.now();
    const created = await createBatch(deps, ws, { nodes: createContact(), data: { kind: "records", records } });
    expect(created).toMatchObject({ status: "running", runsCount: 1_000, data: { kind: "records" }, runsStatus: "healthy" });
    const batch = await finished(created.uuid);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(batch).toMatchObject({ status: "success", runsCount: 1_000, executedRunsCount: 1_000, failedRunsCount: 0, errorMessage: null });
    expect(batch.finishedAt).not.toBeNull();

    const runs = await runsOf(batch.uuid);
    expect(runs).toHaveLength(1_000);
    expect(new Set(runs.map((run) => run.recordId))).toEqual(new Set(records.map((record) => record.id)));
    expect(runs.every((run) => run.status === "success")).toBe(true);
    expect(runs.find((run) => run.recordId === "p7")!.data).toEqual(records[7]);
    const listed = await listRuns(deps, ws, { batchUuid: batch.uuid, statuses: undefined, limit: 5 });
    expect(listed).toHaveLength(5);
    expect(listed[0]).toMatchObject({ batchUuid: batch.uuid, recordId: expect.stringMatching(/^p\d+$/), recordTitle: expect.stringMatching(/^Person \d+$/) });

    const csv = await csvOf(await downloadBatch(deps, ws, batch.uuid, "create"));
    expect(csv.data).toHaveLength(1_000);
    expect(csv.meta.fields).toEqual(expect.arrayContaining(["_record_id", "_record_title", "_run_status", "_error_message", "id", "email", "firstName"]));
    const row = csv.data.find((candidate) => candidate._record_id === "p42")!;
    expect(row).toMatchObject({ _record_title: "Person 42", _run_status: "success", _error_message: "", email: "person42@example.com", firstName: "Person 42" });
    expect(row.id).toMatch(/\S/);
    const byDefault = await csvOf(await downloadBatch(deps, ws, batch.uuid));
    expect(byDefault.meta.fields).toEqual(["_record_id", "_record_title", "_run_status", "_error_message", "contactId"]);
    expect(byDefault.data.find((candidate) => candidate._record_id === "p42")!.contactId).toBe(row.id);
  }, 60_000);

  it("retries only the records whose run failed, in the same batch", async () => {
    const failing = new Set([3, 8, 11]);
    const batch = await finished((await createBatch(deps, ws, { nodes: createContact(), data: { kind: "records", records: people(12, (i) => failing.has(i)) } })).uuid);
    expect(batch).toMatchObject({ status: "success", runsCount: 12, executedRunsCount: 12, failedRunsCount: 3 });
    const csv = await csvOf(await downloadBatch(deps, ws, batch.uuid, "create"));
    expect(csv.data.find((row) => row._record_id === "p3")).toMatchObject({ _run_status: "error", _error_message: expect.stringContaining("email") });

    const retrying = await retryFailedRuns(deps, ws, batch.uuid);
    expect(retrying.uuid).toBe(batch.uuid);
    const retried = await finished(batch.uuid);
    expect(retried).toMatchObject({ status: "success", runsCount: 12, executedRunsCount: 12, failedRunsCount: 3 });
    const runs = await runsOf(batch.uuid);
    expect(runs).toHaveLength(15);
    for (let i = 0; i < 12; i++) expect(runs.filter((run) => run.recordId === `p${i}`), `p${i}`).toHaveLength(failing.has(i) ? 2 : 1);
    expect(runs.filter((run) => run.retried).map((run) => run.recordId).sort()).toEqual(["p11", "p3", "p8"]);
    const listed = await listRuns(deps, ws, { batchUuid: batch.uuid, statuses: undefined, limit: 500 });
    expect(listed.map((run) => run.uuid).sort()).toEqual(runs.map((run) => run.uuid).sort());
    expect((await csvOf(await downloadBatch(deps, ws, batch.uuid))).data).toHaveLength(12);

    // The records enrolled: one per record (the replaced runs are history), and per node metrics.
    const scope = { batchUuid: batch.uuid, statuses: undefined, limit: 100, offset: 0 };
    const { records, count } = await listWorkflowRecords(deps, ws, scope);
    expect(count).toBe(12);
    expect(records.map((record) => record.id).sort()).toEqual(people(12).map((person) => person.id).sort());
    expect(await countWorkflowRecords(deps, ws, { ...scope, statuses: ["error"] })).toEqual({ count: 3 });
    const metrics = await workflowRecordMetrics(deps, ws, scope);
    expect(metrics.find((metric) => metric.nodeSlug === "create")).toMatchObject({ totalExecutionsCount: 12, successExecutionsCount: 9, errorExecutionsCount: 3 });
    expect(metrics.find((metric) => metric.nodeSlug === "start")).toMatchObject({ totalExecutionsCount: 12, successExecutionsCount: 12 });
  });

  it("cancels every unfinished run, and none runs after", async () => {
    // Each run waits half a second in a slot first, so most are pending or mid-wait when cancelled.
    const created = await createBatch(deps, ws, { nodes: createContact({ waitMs: 500 }), data: { kind: "records", records: people(120) } });
    const cancelled = await cancelBatch(deps, ws, created.uuid);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.finishedAt).not.toBeNull();
    const unfinished = async () => (await runsOf(created.uuid)).filter((run) => run.status === "pending" || run.status === "running");
    expect(await unfinished()).toEqual([]);
    const after = await runsOf(created.uuid);
    expect(after).toHaveLength(120);
    expect(after.filter((run) => run.status === "cancelled").length).toBeGreaterThan(100);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await unfinished()).toEqual([]);
    expect((await runsOf(created.uuid)).map((run) => run.status)).toEqual(after.map((run) => run.status));
    expect((await getBatch(deps, ws, created.uuid)).status).toBe("cancelled");
    await expect(rejection(retryFailedRuns(deps, ws, created.uuid))).resolves.toMatchObject({ status: 409, reason: "batchNotRetryable" });
  });

  it("runs an action once per record with executeBatch, each record its config", async () => {
    const records = [0, 1, 2].map((i) => ({ objectType: "contacts", fields: { email: `exec${i}@example.com` } }));
    const batch = await finished(
      (await executeBatch(deps, ws, { action: { kind: "connector", integrationSlug, actionSlug: "createRecord", connectorUuid }, records })).uuid,
    );
    expect(batch).toMatchObject({ workflowUuid: null, status: "success", runsCount: 3, failedRunsCount: 0 });
    expect(batch.nodes?.map((node) => node.slug)).toEqual(["start", "createRecord"]);
    const csv = await csvOf(await downloadBatch(deps, ws, batch.uuid, "createRecord"));
    expect(csv.data.map((row) => [row._record_id, row.email]).sort()).toEqual([
      ["0", "exec0@example.com"],
      ["1", "exec1@example.com"],
      ["2", "exec2@example.com"],
    ]);
  });

  it("answers 400 invalidDataKind and noRecords, and creates nothing", async () => {
    const before = (await listBatches(deps, ws, { statuses: undefined, limit: 500 })).length;
    const unknownKind = await rejection(createBatch(deps, ws, { nodes: echo, data: { kind: "s3File" } }));
    expect(unknownKind).toMatchObject({ status: 400, reason: "invalidDataKind" });
    // A play's kinds are the plays' own to start.
    for (const kind of ["change", "schedule"]) {
      expect(await rejection(createBatch(deps, ws, { nodes: echo, data: { kind } }))).toMatchObject({ status: 400, reason: "invalidDataKind" });
    }
    expect(await rejection(createBatch(deps, ws, { nodes: echo, data: { kind: "records", records: [] } }))).toMatchObject({ status: 400, reason: "noRecords" });
    expect(await rejection(createBatch(deps, ws, { nodes: echo, data: { kind: "records" } }))).toMatchObject({
      status: 400,
      problems: [expect.objectContaining({ path: "data.records" })],
    });
    expect((await listBatches(deps, ws, { statuses: undefined, limit: 500 })).length).toBe(before);
  });
});

describe("a batch over a model", () => {
  let modelUuid: string;
  beforeAll(async () => {
    const model = await createTestModel(deps.db, ws, { name: "Leads", columns: { key: "string", email: "string", score: "number" }, idColumnSlug: "key", titleColumnSlug: "email" });
    modelUuid = model.uuid;
    const leads = Array.from({ length: 30 }, (_, i) => ({ key: `k${String(i).padStart(2, "0")}`, email: `lead${i}@example.com`, score: i }));
    await deps.db.modelRecords.put(modelUuid, leads.map((data) => ({ id: data.key, title: data.email, data })));
  });

  const ranFor = async (batch: Batch) => {
    const done = await finished(batch.uuid);
    expect(done).toMatchObject({ status: "success", failedRunsCount: 0 });
    return (await runsOf(batch.uuid)).map((run) => run.recordId).sort();
  };
  const high = { conjonction: "and" as const, groups: [{ conjonction: "and" as const, conditions: [{ kind: "number" as const, columnSlug: "score", operator: "greaterThan" as const, value: 24 }] }] };

  it("recordIds runs exactly the ids that exist, each with its record as data", async () => {
    const batch = await createBatch(deps, ws, { nodes: echo, data: { kind: "recordIds", modelUuid, ids: ["k03", "k17", "k03", "missing"] } });
    expect(await ranFor(batch)).toEqual(["k03", "k17"]);
    const [run] = (await runsOf(batch.uuid)).filter((candidate) => candidate.recordId === "k17");
    expect(run!.data).toEqual({ key: "k17", email: "lead17@example.com", score: 17 });
    const rows = (await csvOf(await downloadBatch(deps, ws, batch.uuid))).data;
    expect(rows.find((row) => row._record_id === "k17")).toMatchObject({ _record_title: "lead17@example.com", email: "lead17@example.com" });
  });

  it("filter runs the matching records, at most limit", async () => {
    expect(await ranFor(await createBatch(deps, ws, { nodes: echo, data: { kind: "filter", modelUuid, filter: high } }))).toEqual(["k25", "k26", "k27", "k28", "k29"]);
    expect(await ranFor(await createBatch(deps, ws, { nodes: echo, data: { kind: "filter", modelUuid, filter: high, limit: 2 } }))).toEqual(["k25", "k26"]);
    const none = { ...high, groups: [{ ...high.groups[0]!, conditions: [{ ...high.groups[0]!.conditions[0]!, value: 99 }] }] };
    expect(await rejection(createBatch(deps, ws, { nodes: echo, data: { kind: "filter", modelUuid, filter: none } }))).toMatchObject({ reason: "noRecords" });
  });

  it("segment runs the segment's records", async () => {
    const segment = await deps.db.segments.create(ws, { modelUuid, name: "Hot", filter: high, sort: [] });
    expect(await ranFor(await createBatch(deps, ws, { nodes: echo, data: { kind: "segment", segmentUuid: segment.uuid } }))).toEqual(["k25", "k26", "k27", "k28", "k29"]);
  });

  it("a segment cannot be removed while a batch over it is running", async () => {
    const segment = await deps.db.segments.create(ws, { modelUuid, name: "Busy", filter: high, sort: [] });
    const slow = graph({ slug: "start", children: ["wait"] }, { slug: "wait", actionSlug: "delay", config: { minutes: 1 / 60 }, children: ["end"] }, { slug: "end", actionSlug: "end", config: { variables: [] } });
    const batch = await createBatch(deps, ws, { nodes: slow, data: { kind: "segment", segmentUuid: segment.uuid } });
    expect(await rejection(removeSegment(deps, ws, segment.uuid))).toMatchObject({ reason: "segmentInUse" });
    await cancelBatch(deps, ws, batch.uuid);
    await removeSegment(deps, ws, segment.uuid);
    expect(await deps.db.segments.get(ws, segment.uuid)).toBeNull();
  });

  it("file runs the uploaded file's rows", async () => {
    const form = new FormData();
    form.append("file", new Blob(["id,email\nf1,one@example.com\nf2,two@example.com\n"], { type: "text/csv" }), "leads.csv");
    const file = await uploadFile(deps, ws, new Request("http://localhost/api/v1/workspace/files", { method: "POST", body: form }));
    const batch = await createBatch(deps, ws, { nodes: echo, data: { kind: "file", fileUuid: file.uuid } });
    expect(await ranFor(batch)).toEqual(["f1", "f2"]);
  });
});
