import { describe, expect, it } from "vitest";
import { schemaFields } from "./schema-fields";

describe("schemaFields", () => {
  it("lists fields with type, required, secret and widget", () => {
    const fields = schemaFields(
      {
        type: "object",
        required: ["apiKey"],
        properties: {
          apiKey: { type: "string", title: "API key", format: "password" },
          region: { type: "string", enum: ["us", "eu"] },
          objectType: { type: "string", title: "Object type" },
        },
      },
      { objectType: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listObjects" } } },
    );
    expect(fields).toEqual([
      { path: "apiKey", title: "API key", type: "string", required: true, secret: true, widget: null, choices: null, depth: 0 },
      { path: "region", title: "region", type: "string", required: false, secret: false, widget: null, choices: ["us", "eu"], depth: 0 },
      { path: "objectType", title: "Object type", type: "string", required: false, secret: false, widget: "Autocomplete: listObjects", choices: null, depth: 0 },
    ]);
  });

  it("descends into objects and array items, with their uiSchema", () => {
    const fields = schemaFields(
      {
        properties: {
          fields: { type: "object", title: "Fields" },
          mappings: {
            type: "array",
            items: { type: "object", required: ["value"], properties: { name: { type: "string" }, value: { type: "string" } } },
          },
        },
      },
      {
        fields: { "ui:widget": "DynamicSchemaWidget", "ui:options": { slug: "recordFields" } },
        mappings: { items: { value: { "ui:widget": "ExpressionWidget" } } },
      },
    );
    expect(fields.map((f) => [f.path, f.type, f.required, f.widget, f.depth])).toEqual([
      ["fields", "object", false, "Dynamic form: recordFields", 0],
      ["mappings", "array of object", false, null, 0],
      ["mappings[].name", "string", false, null, 1],
      ["mappings[].value", "string", true, "Expression", 1],
    ]);
  });

  it("names an unresolved $ref by its last segment and survives malformed schemas", () => {
    expect(schemaFields({ properties: { when: { $ref: "#/definitions/expression", title: "When" } } })[0]?.type).toBe("expression");
    expect(schemaFields({ properties: "nope", required: "x" })).toEqual([]);
    expect(schemaFields(null)).toEqual([]);
    expect(schemaFields({ properties: { a: { title: 7, type: ["string", "null"] } } })[0]).toMatchObject({ title: "a", type: "string | null" });
  });

  it("treats __proto__-like widget names as plain names", () => {
    expect(schemaFields({ properties: { a: {} } }, { a: { "ui:widget": "constructor" } })[0]?.widget).toBe("constructor");
  });
});
