import { describe, expect, it } from "vitest";
import { makeDemo, VALID_CONNECTOR } from "./test-helpers";

const ask = (slug: string, params: unknown, value?: string) =>
  makeDemo().post(`/autocompletes/${slug}`, { connectorConfig: VALID_CONNECTOR, params, value });

describe("autocompletes", () => {
  it("listObjects offers the three objects with labels and descriptions", async () => {
    const { body } = await ask("listObjects", {});
    expect(body.results.map((result: { value: string }) => result.value)).toEqual(["contacts", "companies", "deals"]);
    expect(body.results[0]).toEqual({ label: "Contacts", value: "contacts", description: expect.any(String) });
  });

  it("listObjectProperties lists the chosen object's properties with their types", async () => {
    const { body } = await ask("listObjectProperties", { objectType: "deals" });
    const amount = body.results.find((result: { value: string }) => result.value === "amount");
    expect(amount).toEqual({ label: "Amount", value: "amount", description: "number · required" });
    expect(body.results.find((result: { value: string }) => result.value === "stage").description).toMatch(/^enum \(qualification/);
  });

  it("listObjectProperties requires a valid objectType", async () => {
    const missing = await ask("listObjectProperties", {});
    expect(missing.status).toBe(400);
    expect(missing.body.errorMessage).toBe("params.objectType is required");
    const invalid = await ask("listObjectProperties", { objectType: "tickets" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errorMessage).toMatch(/^params\.objectType: /);
  });

  it("listOwners filters by the search value on name or email, with email and team", async () => {
    const all = await ask("listOwners", {});
    expect(all.body.results).toHaveLength(8);
    const byName = await ask("listOwners", { objectType: "contacts" }, "GRACE");
    expect(byName.body.results).toEqual([
      { label: "Grace Hopper", value: "own_002", description: "grace.hopper@democrm.example", parent: "Sales" },
    ]);
    const byEmail = await ask("listOwners", {}, "knuth@");
    expect(byEmail.body.results.map((result: { parent: string }) => result.parent)).toEqual(["Partnerships"]);
  });

  it("answers an unknown slug with 404", async () => {
    expect((await ask("listPlanets", {})).status).toBe(404);
  });
});

describe("POST /dynamicSchemas/recordFields", () => {
  const schema = (objectType?: string) =>
    makeDemo().post("/dynamicSchemas/recordFields", { connectorConfig: VALID_CONNECTOR, params: { objectType } });

  it.each([
    ["contacts", ["email"], "lifecycleStage"],
    ["companies", ["name"], "industry"],
    ["deals", ["name", "amount"], "stage"],
  ])("describes the writable %s fields", async (objectType, required, enumField) => {
    const { status, body } = await schema(objectType);
    expect(status).toBe(200);
    expect(body.jsonSchema.required).toEqual(required);
    expect(body.jsonSchema.properties).not.toHaveProperty("id");
    expect(body.jsonSchema.properties).not.toHaveProperty("updatedAt");
    expect(body.jsonSchema.properties[enumField].enum.length).toBeGreaterThan(2);
    expect(body.uiSchema.ownerId).toEqual({
      "ui:widget": "IntegrationAutocompleteWidget",
      "ui:options": { slug: "listOwners", params: { objectType: "$root.objectType" } },
    });
  });

  it("requires objectType", async () => {
    const { status, body } = await schema();
    expect(status).toBe(400);
    expect(body.errorMessage).toBe("params.objectType is required");
  });
});

describe("POST /listUsers", () => {
  it("answers a bare array of the owners", async () => {
    const { body } = await makeDemo().post("/listUsers", { connectorConfig: VALID_CONNECTOR });
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(8);
    expect(body[0]).toEqual({ id: "own_001", email: "ada.lovelace@democrm.example", firstName: "Ada", lastName: "Lovelace" });
  });
});
