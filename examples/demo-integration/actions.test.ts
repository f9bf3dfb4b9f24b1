import { describe, expect, it } from "vitest";
import { makeDemo, VALID_CONNECTOR } from "./test-helpers";

describe("createRecord", () => {
  it("creates the next record and answers executed with it", async () => {
    const demo = makeDemo();
    const fields = { email: "new.person@example.com", firstName: "New", ownerId: "own_003", companyId: "com_002" };
    const { status, body } = await demo.execute("createRecord", { objectType: "contacts", fields });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      outcome: "executed",
      title: "✅ contact con_051 created",
      data: { id: "con_051", ...fields, lifecycleStage: "lead" },
    });
    const lookup = await demo.execute("lookupRecord", { objectType: "contacts", email: "NEW.person@example.com" });
    expect(lookup.body.data.record.id).toBe("con_051");
  });

  it("coerces numeric text and rejects a missing required field with 400 naming it", async () => {
    const demo = makeDemo();
    const deal = await demo.execute("createRecord", { objectType: "deals", fields: { name: "Big one", amount: "1200.5" } });
    expect(deal.body.data).toMatchObject({ id: "deal_051", amount: 1200.5, stage: "qualification" });
    const missing = await demo.execute("createRecord", { objectType: "deals", fields: { name: "No amount" } });
    expect(missing.status).toBe(400);
    expect(missing.body.errorMessage).toBe('Missing required field "amount" for deals');
    const blank = await demo.execute("createRecord", { objectType: "contacts", fields: { email: "", firstName: "X" } });
    expect(blank.body.errorMessage).toBe('Missing required field "email" for contacts');
  });

  it("rejects unknown fields, bad enums and dangling references", async () => {
    const demo = makeDemo();
    const cases = [
      [{ name: "X", color: "red" }, /Unknown field "color"/],
      [{ name: "X", industry: "space" }, /industry.*must be one of/],
      [{ name: "X", ownerId: "own_999" }, /unknown owners id "own_999"/],
      [{ name: "X", id: "com_999" }, /read-only/],
    ] as const;
    for (const [fields, message] of cases) {
      const { status, body } = await demo.execute("createRecord", { objectType: "companies", fields });
      expect(status).toBe(400);
      expect(body.errorMessage).toMatch(message);
    }
  });

  it("reads the older body shape and changes nothing on a dry run", async () => {
    const demo = makeDemo();
    const dry = await demo.post("/actions/createRecord/execute", {
      connector: { uuid: "c", workspaceUuid: "w", config: VALID_CONNECTOR },
      config: { objectType: "companies", fields: { name: "Dry Co" } },
      isDryExecution: true,
    });
    expect(dry.body.title).toBe("✅ company com_051 would be created (dry run)");
    const find = await demo.execute("findRecords", { objectType: "companies", property: "name", value: "Dry Co" });
    expect(find.body.data.count).toBe(0);
  });
});

describe("updateRecord", () => {
  it("writes the mapped values to the record matched by id or another property", async () => {
    const demo = makeDemo();
    const byId = await demo.execute("updateRecord", {
      objectType: "contacts",
      recordId: "con_002",
      mappings: [{ name: "lifecycleStage", value: "customer" }, { name: "jobTitle", value: "CFO" }],
    });
    expect(byId.body).toMatchObject({
      outcome: "executed",
      title: "✏️ contact con_002 updated",
      data: { id: "con_002", lifecycleStage: "customer", jobTitle: "CFO" },
    });
    const byEmail = await demo.execute("updateRecord", {
      objectType: "contacts",
      recordId: byId.body.data.email,
      matchProperty: "email",
      mappings: [{ name: "firstName", value: "Renamed" }],
    });
    expect(byEmail.body.data).toMatchObject({ id: "con_002", firstName: "Renamed", jobTitle: "CFO" });
  });

  it("answers 404 for an unknown record and 400 for a bad mapping", async () => {
    const demo = makeDemo();
    const update = (recordId: string, value: string) =>
      demo.execute("updateRecord", { objectType: "deals", recordId, mappings: [{ name: "amount", value }] });
    const unknown = await update("deal_999", "5");
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorMessage).toBe('No deal with id "deal_999"');
    const bad = await update("deal_001", "lots");
    expect(bad.status).toBe(400);
    expect((await demo.execute("updateRecord", { objectType: "deals", recordId: "deal_001", mappings: [] })).status).toBe(400);
  });
});

describe("findRecords", () => {
  it("finds records by a property, case-insensitively, up to the limit", async () => {
    const demo = makeDemo();
    const owned = await demo.execute("findRecords", { objectType: "deals", property: "ownerId", value: "OWN_001", limit: 50 });
    const count = owned.body.data.count as number;
    expect(count).toBeGreaterThan(1);
    expect(owned.body.title).toBe(`🔎 ${count} deals found`);
    expect(owned.body.data.records.every((record: { ownerId: string }) => record.ownerId === "own_001")).toBe(true);
    const limited = await demo.execute("findRecords", { objectType: "deals", property: "ownerId", value: "own_001", limit: "1" });
    expect(limited.body).toMatchObject({ title: "🔎 1 deal found", data: { count: 1 } });
    expect((await demo.execute("findRecords", { objectType: "deals", property: "ownerId", value: "x", limit: 51 })).status).toBe(400);
    expect((await demo.execute("findRecords", { objectType: "deals", property: "colour", value: "x" })).status).toBe(400);
  });
});

describe("lookupRecord", () => {
  it("follows child 0 when found and child 1 when not", async () => {
    const demo = makeDemo();
    const found = await demo.execute("lookupRecord", { objectType: "companies", id: "com_007" });
    expect(found.body).toMatchObject({ outcome: "executed", childIndex: 0, data: { found: true, record: { id: "com_007" } } });
    const missing = await demo.execute("lookupRecord", { objectType: "contacts", email: "nobody@nowhere.test" });
    expect(missing.body).toMatchObject({ outcome: "executed", title: "❌ contact not found", childIndex: 1, data: { found: false } });
    expect((await demo.execute("lookupRecord", { objectType: "contacts" })).status).toBe(400);
  });
});

describe("exportRecords and idempotency", () => {
  it("answers executing, executing, then executed for one Idempotency-Key", async () => {
    const demo = makeDemo();
    const config = { objectType: "companies" };
    const outcomes = [];
    for (let call = 0; call < 3; call++) outcomes.push((await demo.execute("exportRecords", config, { key: "run-1:node-1" })).body);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(["executing", "executing", "executed"]);
    expect(outcomes[2].data).toMatchObject({ objectType: "companies", count: 50 });
    expect(outcomes[2].data.csv.split("\n")).toHaveLength(51);
    const replay = await demo.execute("exportRecords", config, { key: "run-1:node-1" });
    expect(replay.body).toEqual(outcomes[2]);
    expect((await demo.get("/_demo/stats")).body.idempotencyKeys).toEqual({ "run-1:node-1": 3 });
  });

  it("tracks an export by a hash of its body when no key is sent", async () => {
    const demo = makeDemo();
    const outcomes = [];
    for (let call = 0; call < 3; call++) outcomes.push((await demo.execute("exportRecords", { objectType: "deals" })).body.outcome);
    expect(outcomes).toEqual(["executing", "executing", "executed"]);
  });

  it("replays a completed execution without executing it again", async () => {
    const demo = makeDemo();
    const config = { objectType: "companies", fields: { name: "Once Inc" } };
    const first = await demo.execute("createRecord", config, { key: "k-create" });
    const second = await demo.execute("createRecord", config, { key: "k-create" });
    expect(second.body).toEqual(first.body);
    const find = await demo.execute("findRecords", { objectType: "companies", property: "name", value: "Once Inc" });
    expect(find.body.data.count).toBe(1);
    const stats = (await demo.get("/_demo/stats")).body;
    expect(stats.idempotencyKeys).toEqual({ "k-create": 1 });
    expect(stats.calls["POST /actions/createRecord/execute"]).toBe(2);
  });
});

describe("simulateError", () => {
  it.each([422, 500])("answers HTTP %i with the given message", async (status) => {
    const { body, status: answered } = await makeDemo().execute("simulateError", { status, message: `boom ${status}` });
    expect(answered).toBe(status);
    expect(body).toEqual({ errorMessage: `boom ${status}` });
  });

  it("adds Retry-After to a 429 and refuses statuses outside the list", async () => {
    const demo = makeDemo();
    const limited = await demo.execute("simulateError", { status: 429, message: "slow down" });
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await demo.execute("simulateError", { status: 418, message: "teapot" })).status).toBe(400);
  });

  it("with succeedAfter, fails that many times per Idempotency-Key, then succeeds", async () => {
    const demo = makeDemo();
    const config = { status: 503, message: "flaky", succeedAfter: 2 };
    expect((await demo.execute("simulateError", config, { key: "k1" })).status).toBe(503);
    expect((await demo.execute("simulateError", config, { key: "k2" })).status).toBe(503);
    expect((await demo.execute("simulateError", config, { key: "k1" })).status).toBe(503);
    const recovered = await demo.execute("simulateError", config, { key: "k1" });
    expect(recovered.body).toMatchObject({ outcome: "executed", data: { recovered: true, failures: 2 } });
    expect((await demo.execute("simulateError", config, { key: "k2" })).status).toBe(503);
  });
});

describe("unknown actions and test hooks", () => {
  it("answers an unknown action with 404", async () => {
    const { status, body } = await makeDemo().execute("launchRocket", {});
    expect(status).toBe(404);
    expect(body.errorMessage).toBe('Unknown action "launchRocket"');
  });

  it("resets data and stats through POST /_demo/reset and reset()", async () => {
    const demo = makeDemo();
    await demo.execute("createRecord", { objectType: "companies", fields: { name: "Temp" } }, { key: "k" });
    await demo.post("/_demo/reset");
    expect((await demo.get("/_demo/stats")).body).toEqual({ calls: {}, idempotencyKeys: {} });
    const again = await demo.execute("createRecord", { objectType: "companies", fields: { name: "Temp" } }, { key: "k" });
    expect(again.body.data.id).toBe("com_051");
    demo.demo.reset();
    expect((await demo.execute("lookupRecord", { objectType: "companies", id: "com_051" })).body.childIndex).toBe(1);
  });
});
