import { describe, expect, it } from "vitest";
import { generateDataset, RECORDS_PER_OBJECT } from "./data";
import { OBJECT_TYPES } from "./objects";
import { createStore } from "./store";

describe("generated dataset", () => {
  it("is identical on every generation", () => {
    expect(generateDataset()).toEqual(generateDataset());
  });

  it("has exactly 50 records of each object with zero-padded ids", () => {
    const { records } = generateDataset();
    expect(records.contacts.map((record) => record.id).slice(0, 2)).toEqual(["con_001", "con_002"]);
    expect(records.companies.at(-1)?.id).toBe("com_050");
    expect(records.deals.at(-1)?.id).toBe("deal_050");
    for (const objectType of OBJECT_TYPES) expect(records[objectType]).toHaveLength(RECORDS_PER_OBJECT);
  });

  it("has 8 owners in 3 teams, and every reference points at something that exists", () => {
    const { owners, records } = generateDataset();
    expect(owners).toHaveLength(8);
    expect(new Set(owners.map((owner) => owner.team)).size).toBe(3);
    const ids = new Set([...owners, ...Object.values(records).flat()].map((item) => item.id));
    for (const record of Object.values(records).flat()) {
      for (const key of ["ownerId", "companyId", "contactId"]) if (record[key]) expect(ids.has(record[key] as string)).toBe(true);
    }
  });

  it("spreads update times so an incremental sync has something to filter", () => {
    const contacts = generateDataset().records.contacts;
    expect(new Set(contacts.map((record) => record.updatedAt)).size).toBeGreaterThan(45);
    for (const record of contacts) expect(String(record.updatedAt) >= String(record.createdAt)).toBe(true);
  });

  it("keeps contact emails unique", () => {
    const emails = generateDataset().records.contacts.map((record) => record.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe("store", () => {
  it("is mutable per instance and reset restores the generated state", () => {
    const store = createStore();
    const other = createStore();
    const created = store.create("deals", { name: "New", amount: 10 });
    expect(created.id).toBe("deal_051");
    expect(created.stage).toBe("qualification");
    store.update("contacts", "con_001", { firstName: "Changed" });
    expect(store.list("deals")).toHaveLength(51);
    expect(other.list("deals")).toHaveLength(50);
    store.reset();
    expect(store.list("deals")).toHaveLength(50);
    expect(store.list("contacts")).toEqual(other.list("contacts"));
  });

  it("writes strictly increasing update times", () => {
    const store = createStore();
    const first = store.update("contacts", "con_001", { jobTitle: "A" });
    const second = store.update("contacts", "con_002", { jobTitle: "B" });
    expect(String(second.updatedAt) > String(first.updatedAt)).toBe(true);
  });
});
