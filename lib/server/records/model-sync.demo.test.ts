import { beforeAll, describe, expect, it } from "vitest";
import type { Filter, ModelSync } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { TestStorage } from "@/lib/db/testing/test-storage";
import { closeDeps, createDeps, type Deps } from "../deps";
import type { CuttingProxy } from "../testing/cutting-proxy";
import { DEMO_CREDENTIALS, demoDeps } from "../testing/demo-deps";
import { cancelSync, createModel, getModel, listSyncs, startSync, updateModel } from "./models";
import { createSegment, fetchRecords, listSegmentChanges } from "./segments";

// Syncs end to end: a real database (both dialects), the demo integration over HTTP.
const ws = DEFAULT_WORKSPACE_UUID;
const setup = demoDeps("relay-sync-", { cuttingProxy: true });
let proxy: CuttingProxy;
let deps: Deps;
let storage: TestStorage;
let connectorUuid: string;
beforeAll(() => {
  ({ deps, storage, connectorUuid } = setup);
  proxy = setup.proxy!;
});

/** Every record the demo holds for an object type, read straight from its extractor. */
async function demoRecords(objectType: string): Promise<Array<Record<string, unknown>>> {
  const records: Array<Record<string, unknown>> = [];
  let meta: unknown;
  for (;;) {
    const answer = await fetch(`${setup.demo.url}/extractors/records/fetch`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ connectorConfig: DEMO_CREDENTIALS, extractorConfig: { objectType, pageSize: 100 }, meta }),
    }).then((response) => response.json() as Promise<{ data: { records: Array<{ record: Record<string, unknown> }>; hasMore: boolean; meta: unknown } }>);
    records.push(...answer.data.records.map((op) => op.record));
    if (!answer.data.hasMore) return records.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    meta = answer.data.meta;
  }
}

async function updateDemoRecord(recordId: string, mappings: Array<{ name: string; value: unknown }>) {
  const response = await fetch(`${setup.demo.url}/actions/updateRecord/execute`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ connectorConfig: DEMO_CREDENTIALS, actionConfig: { objectType: "companies", recordId, mappings } }),
  });
  expect(response.status).toBe(200);
}

async function storedRecords(modelUuid: string) {
  const { records } = await fetchRecords(deps, ws, { modelUuid, filter: { conjonction: "and", groups: [] }, sort: [{ columnSlug: "id", kind: "asc" }], limit: 1000, offset: 0 });
  return records;
}

async function settled(modelUuid: string, timeoutMs = 20_000): Promise<ModelSync> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [latest] = await listSyncs(deps, ws, modelUuid);
    if (latest && latest.status !== "pending" && latest.status !== "running") return latest;
    if (Date.now() > deadline) throw new Error(`sync still ${latest?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const companiesModel = (name: string, pageSize = 7) =>
  createModel(deps, ws, { name, extractor: { connectorUuid, extractorSlug: "records", config: { objectType: "companies", pageSize } } });

describe("extractor sync", () => {
  it("pages through the extractor until hasMore is false; the model equals the demo's data", async () => {
    const model = await companiesModel("Companies");
    expect(model.columns.map((column) => column.slug)).toContain("employeeCount");
    expect(model).toMatchObject({ idColumnSlug: "id", titleColumnSlug: "name", timeColumnSlug: "updatedAt" });
    const sync = await settled(model.uuid);
    const expected = await demoRecords("companies");
    expect(sync).toMatchObject({ status: "success", addedCount: expected.length, updatedCount: 0, removedCount: 0, isResumed: false });
    expect(sync.pagesCount).toBe(Math.ceil(expected.length / 7));
    expect(await storedRecords(model.uuid)).toEqual(expected);
    expect((await getModel(deps, ws, model.uuid)).recordsCount).toBe(expected.length);
  });

  it("applies exactly the changed records on the next sync (incremental cursor) and records the segment changes", async () => {
    const model = await companiesModel("Companies by country");
    await settled(model.uuid);
    const before = await storedRecords(model.uuid);
    const country = String(before[0]!.country);
    const inside = before.filter((record) => record.country === country);
    const outside = before.filter((record) => record.country !== country);
    const filter: Filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "country", operator: "is", values: country }] }] };
    const segment = await createSegment(deps, ws, { modelUuid: model.uuid, name: country, filter, sort: [] });

    await updateDemoRecord(String(outside[0]!.id), [{ name: "country", value: country }]); // enters
    await updateDemoRecord(String(inside[0]!.id), [{ name: "country", value: `Not ${country}` }]); // leaves
    await updateDemoRecord(String(outside[1]!.id), [{ name: "name", value: "Renamed Ltd" }]); // changes, outside the segment
    const second = await startSync(deps, ws, model.uuid);
    const done = await settled(model.uuid);
    expect(done.uuid).toBe(second.uuid);
    expect(done).toMatchObject({ status: "success", isResumed: true, addedCount: 0, updatedCount: 3, removedCount: 0, pagesCount: 1 });
    expect(await storedRecords(model.uuid)).toEqual(await demoRecords("companies"));

    const changes = await listSegmentChanges(deps, ws, segment.uuid, { syncUuid: done.uuid, limit: 100 });
    expect(changes.map(({ recordId, kind }) => ({ recordId, kind })).sort((a, b) => a.recordId.localeCompare(b.recordId))).toEqual(
      [
        { recordId: String(outside[0]!.id), kind: "added" },
        { recordId: String(inside[0]!.id), kind: "removed" },
      ].sort((a, b) => a.recordId.localeCompare(b.recordId)),
    );
    const { count } = await fetchRecords(deps, ws, { modelUuid: model.uuid, filter, sort: [], limit: 0, offset: 0 });
    expect(count).toBe(inside.length);

    // The sweep forgets changes past the retention (90 days), and only those.
    const day = 86_400_000;
    await deps.runs.syncs.sweep(new Date(Date.now() + 89 * day));
    expect(await listSegmentChanges(deps, ws, segment.uuid, { limit: 100 })).toHaveLength(2);
    await deps.runs.syncs.sweep(new Date(Date.now() + 91 * day));
    expect(await listSegmentChanges(deps, ws, segment.uuid, { limit: 100 })).toEqual([]);
  });

  it("a sync whose server went away keeps its pages, and the next one resumes after them", async () => {
    const expected = await demoRecords("companies");
    proxy.cutAfter("/extractors/records/fetch", 3); // the dry fetch of createModel, then two pages
    const model = await companiesModel("Interrupted", 3);
    const failed = await settled(model.uuid);
    expect(failed).toMatchObject({ status: "error", pagesCount: 2 });
    expect(failed.errorMessage).toMatch(/reach|connect|socket|closed|reset/i);
    expect((await getModel(deps, ws, model.uuid)).recordsCount).toBe(6);

    proxy.restore();
    const before = proxy.count("/extractors/records/fetch");
    await startSync(deps, ws, model.uuid);
    const resumed = await settled(model.uuid);
    const pages = Math.ceil(expected.length / 3);
    expect(resumed).toMatchObject({ status: "success", isResumed: true, addedCount: expected.length - 6, updatedCount: 0 });
    expect(proxy.count("/extractors/records/fetch") - before).toBe(pages - 2);
    expect(await storedRecords(model.uuid)).toEqual(expected);
  });

  it("a cancelled sync stops at its next page and keeps what it stored", async () => {
    proxy.delay(30);
    const model = await companiesModel("Cancelled", 1);
    const [open] = await listSyncs(deps, ws, model.uuid);
    const cancelled = await cancelSync(deps, ws, model.uuid, open!.uuid);
    expect(cancelled.status).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [after] = await listSyncs(deps, ws, model.uuid);
    expect(after!.status).toBe("cancelled");
    const stored = (await getModel(deps, ws, model.uuid)).recordsCount;
    expect(stored).toBeLessThan((await demoRecords("companies")).length);
    expect(stored).toBe(after!.pagesCount);
    proxy.restore();
  });

  it("a scheduled model syncs again once its extractor's interval has passed, once across two workers", async () => {
    const model = await createModel(deps, ws, {
      name: "Scheduled",
      isSyncScheduled: true,
      extractor: { connectorUuid, extractorSlug: "records", config: { objectType: "deals", pageSize: 50 } },
    });
    const first = await settled(model.uuid);
    const other = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: proxy.url, version: "test", role: "worker" });
    // Two connections to one SQLite file in one thread would block each other's write lock (two
    // processes do not); there the sweeps take turns, on Postgres they race.
    const sweepBoth = (now: Date) =>
      storage.dialect === "postgres"
        ? Promise.all([deps.runs.syncs.sweep(now), other.runs.syncs.sweep(now)])
        : deps.runs.syncs.sweep(now).then(() => other.runs.syncs.sweep(now));
    try {
      const soon = new Date(Date.parse(first.createdAt) + 30_000);
      await sweepBoth(soon);
      expect(await listSyncs(deps, ws, model.uuid)).toHaveLength(1);

      // The demo's extractor asks for 60 s between syncs.
      const later = new Date(Date.parse(first.createdAt) + 61_000);
      await sweepBoth(later);
      const second = await settled(model.uuid);
      expect(second).toMatchObject({ trigger: "schedule", status: "success", isResumed: true });
      expect((await listSyncs(deps, ws, model.uuid)).map((sync) => sync.trigger)).toEqual(["schedule", "manual"]);
    } finally {
      await closeDeps(other);
    }
  });

  it("an update changes only what it names; a new extractor config stops the sync under way and starts the next from scratch", async () => {
    const dataset = await deps.db.datasets.create(ws, "CRM");
    const model = await createModel(deps, ws, {
      name: "Editable",
      datasetUuid: dataset.uuid,
      isSyncScheduled: true,
      extractor: { connectorUuid, extractorSlug: "records", config: { objectType: "deals", pageSize: 50 } },
    });
    await settled(model.uuid);
    const renamed = await updateModel(deps, ws, model.uuid, { name: "Renamed" });
    expect(renamed).toMatchObject({ name: "Renamed", datasetUuid: dataset.uuid, isSyncScheduled: true, extractor: model.extractor });
    expect(await updateModel(deps, ws, model.uuid, { isSyncScheduled: false })).toMatchObject({ name: "Renamed", isSyncScheduled: false, datasetUuid: dataset.uuid });
    expect((await deps.db.models.get(ws, model.uuid))!.syncCursor).not.toBeNull();

    proxy.delay(50);
    const open = await startSync(deps, ws, model.uuid);
    const changed = await updateModel(deps, ws, model.uuid, { extractorConfig: { objectType: "deals", pageSize: 5 } });
    expect(changed.extractor?.config).toEqual({ objectType: "deals", pageSize: 5 });
    expect((await listSyncs(deps, ws, model.uuid)).find((sync) => sync.uuid === open.uuid)?.status).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await deps.db.models.get(ws, model.uuid))!.syncCursor).toBeNull();
    proxy.restore();
    expect((await startSync(deps, ws, model.uuid)).isResumed).toBe(false);
    expect(await settled(model.uuid)).toMatchObject({ status: "success", isResumed: false });
  });

  it("one process takes a sync once, though its job and its sweep come for it together", async () => {
    proxy.delay(30);
    const model = await companiesModel("Claimed once", 25);
    const [open] = await listSyncs(deps, ws, model.uuid);
    await Promise.all([deps.runs.syncs.handle({ workspaceUuid: ws, syncUuid: open!.uuid }), deps.runs.syncs.handle({ workspaceUuid: ws, syncUuid: open!.uuid })]);
    const done = await settled(model.uuid);
    const expected = await demoRecords("companies");
    expect(done).toMatchObject({ status: "success", addedCount: expected.length, pagesCount: Math.ceil(expected.length / 25) });
  });
});
