import { describe, expect, it, vi } from "vitest";
import { makeDemo, VALID_CONNECTOR } from "./test-helpers";

vi.mock("./users", () => ({
  listUsers: () => {
    throw new Error("owner directory unavailable");
  },
}));

describe("createDemoIntegration", () => {
  it("answers an unexpected error with 500 and its real message", async () => {
    const { status, body } = await makeDemo().post("/listUsers", { connectorConfig: VALID_CONNECTOR });
    expect(status).toBe(500);
    expect(body).toEqual({ errorMessage: "owner directory unavailable" });
  });

  it("starts every instance with the same 50 records of each object", async () => {
    const snapshot = async (demo: ReturnType<typeof makeDemo>) =>
      Promise.all(
        ["contacts", "companies", "deals"].map(async (objectType) => {
          const extractorConfig = { objectType, pageSize: 100 };
          const { body } = await demo.post("/extractors/records/fetch", { connectorConfig: VALID_CONNECTOR, extractorConfig });
          return body.data.records.map((operation: { record: unknown }) => operation.record);
        }),
      );
    const [first, second] = await Promise.all([snapshot(makeDemo()), snapshot(makeDemo())]);
    expect(first.map((records) => records.length)).toEqual([50, 50, 50]);
    expect(second).toEqual(first);
  });

  it("keeps each instance's data to itself", async () => {
    const first = makeDemo();
    const second = makeDemo();
    await first.execute("createRecord", { objectType: "companies", fields: { name: "Only Here" } });
    const find = { objectType: "companies", property: "name", value: "Only Here" };
    expect((await first.execute("findRecords", find)).body.data.count).toBe(1);
    expect((await second.execute("findRecords", find)).body.data.count).toBe(0);
  });

  it("serves a small index at the root", async () => {
    const { body } = await makeDemo().get("/");
    expect(body).toEqual({ name: "Demo CRM", manifest: "http://demo.test/manifest", legacyManifest: "http://demo.test/legacy/manifest" });
  });
});
