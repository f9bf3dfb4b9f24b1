import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Filter } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID, openDatabase, type Database, type StoredModel } from "@/lib/db";
import { createTestModel } from "@/lib/db/testing/test-model";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { applyPage } from "./apply-page";

// Applying extractor pages to a model, on both databases: what counts as added, updated and
// removed, override semantics, segment changes, and text Postgres cannot store.
const ws = DEFAULT_WORKSPACE_UUID;
let storage: TestStorage;
let db: Database;
let model: StoredModel;

beforeAll(async () => {
  storage = await createTestStorage("relay-apply-page-");
  db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
  model = await createTestModel(db, ws, { name: "People", columns: { id: "string", name: "string", city: "string" }, idColumnSlug: "id", titleColumnSlug: "name" });
});
afterAll(async () => {
  await db.close();
  await storage.cleanup();
});

const upsert = (record: Record<string, unknown>, override?: boolean) => ({ action: "upsert" as const, record, ...(override === undefined ? {} : { override }) });
const inParis: Filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "city", operator: "is", values: "Paris" }] }] };
const all = async () => (await db.modelRecords.fetch(model, { filter: { conjonction: "and", groups: [] }, sort: [], limit: 100, offset: 0 })).records;

describe("applyPage", () => {
  it("counts only real changes, merges with override false, removes by id, and notes segment changes", async () => {
    const sync = await db.modelSyncs.open(ws, model.uuid, "manual", false);
    const segment = await db.segments.create(ws, { modelUuid: model.uuid, name: "Paris", filter: inParis, sort: [] });
    const apply = (operations: Parameters<typeof applyPage>[2]) => db.transaction((tx) => applyPage(tx, model, operations, { syncUuid: sync.sync.uuid, segments: [segment] }));

    expect(await apply([upsert({ id: "a", name: "Ada", city: "Paris" }), upsert({ id: "b", name: "Bob", city: "Lyon" }), upsert({ name: "no id" })])).toEqual({
      added: 2,
      updated: 0,
      removed: 0,
      skipped: 1,
    });
    // The same data again is no change; a merge keeps fields the page leaves null.
    expect(await apply([upsert({ id: "a", name: "Ada", city: "Paris" }), upsert({ id: "b", name: null, city: "Paris" }, false)])).toEqual({
      added: 0,
      updated: 1,
      removed: 0,
      skipped: 0,
    });
    expect(await apply([{ action: "remove", record: { id: "a" } }, { action: "update", record: { id: "zed", name: "Nobody" } }])).toEqual({
      added: 0,
      updated: 0,
      removed: 1,
      skipped: 0,
    });
    expect(await all()).toEqual([{ id: "b", name: "Bob", city: "Paris" }]);
    const changes = await db.segments.listChanges(segment.uuid, { syncUuid: sync.sync.uuid, limit: 10 });
    // a entered with the first page (kept as added, its first kind), b entered with the second.
    expect(changes.map(({ recordId, kind }) => `${recordId}:${kind}`).sort()).toEqual(["a:added", "b:added"]);
  });

  it("stores text with NUL characters without them, so the model stays readable and filterable on Postgres", async () => {
    const sync = await db.modelSyncs.open(ws, model.uuid, "manual", false);
    await db.modelSyncs.cancel(sync.sync.uuid);
    const counts = await db.transaction((tx) => applyPage(tx, model, [upsert({ id: "n\u0000ul", name: "Nu\u0000ll", city: "Par\u0000is" })], { syncUuid: sync.sync.uuid, segments: [] }));
    expect(counts.added).toBe(1);
    const { records } = await db.modelRecords.fetch(model, { filter: inParis, sort: [{ columnSlug: "name", kind: "asc" }], limit: 10, offset: 0 });
    expect(records).toContainEqual({ id: "nul", name: "Null", city: "Paris" });
    // The same page again is not a change: what was stored is compared without the NULs too.
    expect((await db.transaction((tx) => applyPage(tx, model, [upsert({ id: "n\u0000ul", name: "Nu\u0000ll", city: "Par\u0000is" })], { syncUuid: sync.sync.uuid, segments: [] }))).updated).toBe(0);
  });

  it("stores a string cut in the middle of an emoji (a lone surrogate) with U+FFFD in its place, where Postgres jsonb would refuse it", async () => {
    const sync = await db.modelSyncs.open(ws, model.uuid, "manual", false);
    await db.modelSyncs.cancel(sync.sync.uuid);
    const cut = "Caf\u00e9 \ud83d";
    const counts = await db.transaction((tx) => applyPage(tx, model, [upsert({ id: "cut", name: cut, city: "Paris" })], { syncUuid: sync.sync.uuid, segments: [] }));
    expect(counts.added).toBe(1);
    const { records } = await db.modelRecords.fetch(model, { filter: inParis, sort: [{ columnSlug: "name", kind: "asc" }], limit: 10, offset: 0 });
    expect(records).toContainEqual({ id: "cut", name: "Caf\u00e9 \ufffd", city: "Paris" });
  });
});
