import { describe, expect, it } from "vitest";
import { fieldTitle, humanizeKey } from "./field-title";

const schema = {
  definitions: { owner: { title: "Owner" } },
  properties: {
    objectType: { type: "string", title: "Object" },
    untitled: { type: "string" },
    ownerId: { $ref: "#/definitions/owner" },
    mappings: { type: "array", items: { type: "object", properties: { name: { title: "Property" } } } },
    fields: { type: "object" },
  },
};

describe("fieldTitle", () => {
  it("reads the schema's title", () => {
    expect(fieldTitle(schema, ["objectType"])).toBe("Object");
    expect(fieldTitle(schema, ["mappings", 2, "name"])).toBe("Property");
  });

  it("follows a local $ref", () => {
    expect(fieldTitle(schema, ["ownerId"])).toBe("Owner");
  });

  it("humanizes the key when there is no title", () => {
    expect(fieldTitle(schema, ["untitled"])).toBe("Untitled");
    expect(fieldTitle(schema, ["notInSchema", "objectType"])).toBe("Object type");
  });

  it("looks inside a dynamic field's fetched schema", () => {
    const sub = { properties: { email: { title: "Email address" } } };
    const subAt = (prefix: (string | number)[]) => (prefix.join(".") === "fields" ? sub : undefined);
    expect(fieldTitle(schema, ["fields", "email"], subAt)).toBe("Email address");
  });
});

describe("humanizeKey", () => {
  it("splits camelCase and snake_case", () => {
    expect(humanizeKey("objectType")).toBe("Object type");
    expect(humanizeKey("owner_id")).toBe("Owner id");
  });
});
