import { describe, expect, it } from "vitest";
import { makeDemo, VALID_CONNECTOR, type Json } from "./test-helpers";

type Demo = ReturnType<typeof makeDemo>;

/** Runs one sync: fetches pages until hasMore is false, starting from a stored meta. */
async function sync(demo: Demo, extractorConfig: Json, meta?: Json) {
  const pages: Json[] = [];
  let cursor = meta;
  for (let guard = 0; guard < 20; guard++) {
    const request = { connectorConfig: VALID_CONNECTOR, extractorConfig, meta: cursor };
    const { status, body } = await demo.post("/extractors/records/fetch", request);
    expect(status).toBe(200);
    pages.push(body);
    cursor = body.data.meta;
    if (!body.data.hasMore) break;
  }
  const records = pages.flatMap((page) => page.data.records.map((operation: { record: Json }) => operation.record));
  return { pages, records, watermark: cursor };
}

describe("records extractor", () => {
  it("pages through all 50 records in (updatedAt, id) order", async () => {
    const demo = makeDemo();
    const { pages, records, watermark } = await sync(demo, { objectType: "contacts", pageSize: 20 });
    expect(pages.map((page) => page.data.records.length)).toEqual([20, 20, 10]);
    expect(pages.map((page) => page.data.hasMore)).toEqual([true, true, false]);
    expect(pages[0].data.meta).toEqual({ offset: 20 });
    expect(new Set(records.map((record) => record.id)).size).toBe(50);
    const times = records.map((record) => record.updatedAt as string);
    expect([...times].sort()).toEqual(times);
    expect(watermark).toEqual({ updatedAfter: times.at(-1), offset: 0 });
    expect(pages[0]).toMatchObject({
      outcome: "fetched",
      idColumnSlug: "id",
      titleColumnSlug: "email",
      timeColumnSlug: "updatedAt",
      count: 50,
    });
    expect(pages[0].data.records[0]).toMatchObject({ action: "upsert", override: true });
    expect(pages[0].columns).toContainEqual({ slug: "updatedAt", type: "date", label: "Updated at" });
  });

  it("uses a default page size of 20", async () => {
    const { pages } = await sync(makeDemo(), { objectType: "deals" });
    expect(pages).toHaveLength(3);
    expect(pages[0].columns).toContainEqual({ slug: "amount", type: "number", label: "Amount" });
  });

  it("returns only what changed since the watermark of the previous sync", async () => {
    const demo = makeDemo();
    const first = await sync(demo, { objectType: "companies", pageSize: 50 });
    const nothing = await sync(demo, { objectType: "companies", pageSize: 50 }, first.watermark);
    expect(nothing.records).toEqual([]);
    expect(nothing.watermark).toEqual(first.watermark);

    const mappings = [{ name: "employeeCount", value: "77" }];
    await demo.execute("updateRecord", { objectType: "companies", recordId: "com_010", mappings });
    const changed = await sync(demo, { objectType: "companies", pageSize: 50 }, first.watermark);
    expect(changed.records.map((record) => [record.id, record.employeeCount])).toEqual([["com_010", 77]]);
    expect(changed.pages[0].count).toBe(1);
    expect(changed.watermark.updatedAfter > first.watermark.updatedAfter).toBe(true);
  });

  it("counts the records of an object", async () => {
    const demo = makeDemo();
    await demo.execute("createRecord", { objectType: "deals", fields: { name: "D", amount: 1 } });
    const request = { connectorConfig: VALID_CONNECTOR, extractorConfig: { objectType: "deals" } };
    const { body } = await demo.post("/extractors/records/count", request);
    expect(body).toEqual({ count: 51 });
  });

  it("refuses a bad config, a bad cursor and an unknown extractor", async () => {
    const demo = makeDemo();
    const fetch = (slug: string, extractorConfig: Json, meta?: Json) =>
      demo.post(`/extractors/${slug}/fetch`, { connectorConfig: VALID_CONNECTOR, extractorConfig, meta });
    expect((await fetch("records", {})).body.errorMessage).toBe("extractorConfig.objectType is required");
    expect((await fetch("records", { objectType: "contacts" }, { offset: -1 })).status).toBe(400);
    expect((await fetch("events", { objectType: "contacts" })).status).toBe(404);
  });
});
