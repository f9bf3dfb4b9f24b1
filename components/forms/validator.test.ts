import { describe, expect, it } from "vitest";
import { decorateSchema } from "./decorate-schema";
import { formValidator, transformErrors } from "./validator";

const schema = decorateSchema({
  type: "object",
  required: ["name", "mappings"],
  properties: {
    name: { type: "string", title: "Name" },
    amount: { type: "number" },
    mappings: { type: "array", items: { type: "object", required: ["value"], properties: { value: { type: "string" } } } },
    anything: { $ref: "#/definitions/expression" },
  },
});

const expression = { kind: "templateExpression", expression: "{{nodes.a.b}}", instructTo: "none", fromRecipe: false };

function messages(formData: unknown) {
  return formValidator.validateFormData(formData, schema, undefined, transformErrors).errors.map((error) => `${error.property} ${error.message}`);
}

describe("formValidator", () => {
  it("reports required fields by title", () => {
    expect(messages({ mappings: [] })).toEqual(["name Name is required"]);
  });

  it("accepts an expression object where a string or number is expected", () => {
    expect(messages({ name: expression, amount: expression, mappings: [{ value: expression }] })).toEqual([]);
  });

  it("still rejects a wrong literal", () => {
    expect(messages({ name: "x", amount: "many", mappings: [] })).toEqual([".amount must be number"]);
  });

  it("accepts literals and expressions for the injected expression definition, and rejects other objects", () => {
    expect(messages({ name: "x", mappings: [], anything: 3 })).toEqual([]);
    expect(messages({ name: "x", mappings: [], anything: expression })).toEqual([]);
    expect(messages({ name: "x", mappings: [], anything: { other: 1 } })).toContain(".anything.kind Kind is required");
  });

  it("caches the compiled validator by schema identity, which is why SchemaForm memoizes its schema", () => {
    const { ajv } = formValidator as unknown as { ajv: { compile: (s: object) => unknown } };
    expect(ajv.compile(schema)).toBe(ajv.compile(schema));
    expect(ajv.compile({ ...schema })).not.toBe(ajv.compile(schema));
  });
});
