import { describe, expect, it } from "vitest";
import { findSecretPaths, unionSecretPaths } from "./secret-fields";

const text = { type: "string" };

describe("findSecretPaths", () => {
  it.each([
    ["format: password", { apiKey: { type: "string", format: "password" } }, {}],
    ["writeOnly: true", { apiKey: { type: "string", writeOnly: true } }, {}],
    ["ui:widget password", { apiKey: text }, { apiKey: { "ui:widget": "password" } }],
    ["ui:options.widget password", { apiKey: text }, { apiKey: { "ui:options": { widget: "password" } } }],
  ])("finds a field marked by %s", (_label, properties, uiSchema) => {
    expect(findSecretPaths({ type: "object", properties: { ...properties, region: text } }, uiSchema)).toEqual([["apiKey"]]);
  });

  it("lists no plain fields", () => {
    const schema = {
      type: "object",
      properties: { region: text, email: { type: "string", format: "email" }, token: { type: "string", writeOnly: false } },
    };

    expect(findSecretPaths(schema, { region: { "ui:widget": "textarea" } })).toEqual([]);
  });

  it("follows nested objects in the schema and the uiSchema", () => {
    const schema = {
      type: "object",
      properties: {
        auth: {
          type: "object",
          properties: {
            user: text,
            password: { type: "string", format: "password" },
            oauth: { type: "object", properties: { clientSecret: text } },
          },
        },
        region: text,
      },
    };
    const uiSchema = { auth: { oauth: { clientSecret: { "ui:widget": "password" } } } };

    expect(findSecretPaths(schema, uiSchema)).toEqual([
      ["auth", "password"],
      ["auth", "oauth", "clientSecret"],
    ]);
  });

  it("takes a secret object whole, without listing its children", () => {
    const schema = { properties: { credentials: { type: "object", writeOnly: true, properties: { key: { format: "password" } } } } };

    expect(findSecretPaths(schema, {})).toEqual([["credentials"]]);
  });

  it("ignores arrays of objects", () => {
    const schema = { properties: { keys: { type: "array", items: { type: "object", properties: { key: { format: "password" } } } } } };

    expect(findSecretPaths(schema, {})).toEqual([]);
  });

  it.each([
    ["null schema", null, null],
    ["string schema", "object", "ui"],
    ["array schema", [], []],
    ["properties as an array", { properties: [{ format: "password" }] }, {}],
    ["properties as null", { properties: null }, {}],
    ["property schema as null", { properties: { a: null, b: true, c: "x" } }, { a: null, b: 3 }],
    ["uiSchema entry not an object", { properties: { a: text } }, { a: "password" }],
    ["ui:options not an object", { properties: { a: text } }, { a: { "ui:options": "password" } }],
    ["no uiSchema", { properties: { a: text } }, undefined],
  ])("survives a %s", (_label, schema, uiSchema) => {
    expect(findSecretPaths(schema, uiSchema)).toEqual([]);
  });

  it("lists a field named __proto__ like any other", () => {
    const schema: unknown = JSON.parse('{"properties":{"__proto__":{"type":"string","format":"password"}}}');

    expect(findSecretPaths(schema, {})).toEqual([["__proto__"]]);
  });
});

describe("unionSecretPaths", () => {
  it("keeps every path of every list once, in first-seen order", () => {
    const recorded = [["apiKey"], ["auth", "password"]];
    const current = [["auth", "password"], ["token"]];

    expect(unionSecretPaths(recorded, current)).toEqual([["apiKey"], ["auth", "password"], ["token"]]);
  });

  it("keeps a recorded path the current manifest no longer marks", () => {
    expect(unionSecretPaths([["apiKey"]], [])).toEqual([["apiKey"]]);
  });

  it("tells a dotted name from a nested path", () => {
    expect(unionSecretPaths([["a.b"]], [["a", "b"]])).toEqual([["a.b"], ["a", "b"]]);
  });
});
