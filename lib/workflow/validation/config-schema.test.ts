import Ajv from "ajv";
import { describe, expect, it, vi } from "vitest";
import { js, template } from "../testing/factories";
import { configProblems } from "./config-schema";

const schema = {
  type: "object",
  required: ["objectType", "fields", "mappings"],
  additionalProperties: false,
  properties: {
    objectType: { type: "string", enum: ["contacts", "deals"] },
    url: { $ref: "#/definitions/expression", title: "URL" },
    fields: {
      type: "object",
      required: ["email"],
      properties: { email: { type: "string" }, age: { type: "integer", minimum: 0 } },
      additionalProperties: { type: "string" },
    },
    mappings: {
      type: "array",
      items: { type: "object", required: ["name"], properties: { name: { type: "string" }, value: { $ref: "#/definitions/expression" } } },
    },
    pair: { type: "array", items: [{ type: "string" }, { type: "number" }] },
    target: { oneOf: [{ type: "string" }, { type: "object", required: ["id"], properties: { id: { type: "number" } } }] },
    limit: { $ref: "#/definitions/limit" },
  },
  definitions: { limit: { type: "number", maximum: 10 } },
};

const valid = { objectType: "contacts", fields: { email: "a@b.c" }, mappings: [{ name: "x" }] };

describe("configProblems", () => {
  it("accepts a valid config", () => {
    expect(configProblems(schema, valid)).toEqual([]);
  });

  it.each([
    ["a top-level value", { objectType: template("{{nodes.start.type}}") }],
    ["a whole object", { fields: js("nodes.start.fields") }],
    ["a nested property", { fields: { email: template("{{nodes.start.email}}"), age: js("nodes.start.age") } }],
    ["an additional property", { fields: { email: "a", nickname: js("nodes.start.nick") } }],
    ["a whole array", { mappings: js("nodes.start.mappings") }],
    ["an array item", { mappings: [js("nodes.start.first"), { name: "b" }] }],
    ["a property inside an array item", { mappings: [{ name: template("{{nodes.start.name}}"), value: js("1") }] }],
    ["a $ref: #/definitions/expression field", { url: template("https://{{nodes.start.domain}}") }],
    ["a literal in a #/definitions/expression field", { url: 42 }],
    ["a tuple item", { pair: [js("nodes.start.a"), 1] }],
    ["a oneOf field", { target: js("nodes.start.target") }],
    ["a field inside a oneOf branch", { target: { id: js("nodes.start.id") } }],
    ["a field defined by $ref", { limit: js("nodes.start.limit") }],
  ])("accepts an expression object as %s", (_, override) => {
    expect(configProblems(schema, { ...valid, ...override })).toEqual([]);
  });

  it.each([
    ["a missing required field", { fields: undefined }, [{ path: "fields", message: "Required" }]],
    ["a missing nested required field", { fields: {} }, [{ path: "fields.email", message: "Required" }]],
    ["a missing field in an array item", { mappings: [{ name: "a" }, {}] }, [{ path: "mappings.1.name", message: "Required" }]],
    ["a wrong type in an array item", { mappings: [{ name: 3 }] }, [{ path: "mappings.0.name", message: "must be string" }]],
    ["a value outside the enum", { objectType: "people" }, [{ path: "objectType", message: 'must be one of: "contacts", "deals"' }]],
    ["an unknown top-level field", { extra: 1 }, [{ path: "extra", message: "Unknown field: this action does not take it" }]],
    ["a wrong literal beside an expression", { fields: { email: js("x"), age: -1 } }, [{ path: "fields.age", message: "must be >= 0" }]],
    ["a wrong tuple item", { pair: ["a", "b"] }, [{ path: "pair.1", message: "must be number" }]],
    ["a literal failing a $ref'd definition", { limit: 11 }, [{ path: "limit", message: "must be <= 10" }]],
  ])("reports %s with its dotted path", (_, override, expected) => {
    const config = Object.fromEntries(Object.entries({ ...valid, ...override }).filter(([, value]) => value !== undefined));
    expect(configProblems(schema, config)).toEqual(expected);
  });

  it("does not take an object that merely looks like an expression", () => {
    expect(configProblems(schema, { ...valid, objectType: { kind: "other", expression: "x" } })).toEqual([
      { path: "objectType", message: "must be string" },
      { path: "objectType", message: 'must be one of: "contacts", "deals"' },
    ]);
  });

  it("keeps refusing unknown fields, even holding an expression", () => {
    expect(configProblems(schema, { ...valid, extra: js("1") })).toEqual([{ path: "extra", message: "Unknown field: this action does not take it" }]);
  });

  it("reports an unusable schema instead of throwing", () => {
    expect(configProblems({ $ref: "#/definitions/missing" }, {})).toEqual({ unusable: expect.stringContaining("missing") });
  });

  it("compiles an equal schema once, whatever object or key order it comes in", () => {
    const compile = vi.spyOn(Ajv.prototype, "compile");
    const title = `schema ${Math.random()}`;
    const first = { title, type: "object", required: ["alpha"], properties: { zeta: { type: "string" }, alpha: { type: "number" } } };
    const reordered = { properties: { alpha: { type: "number" }, zeta: { type: "string" } }, required: ["alpha"], type: "object", title };
    try {
      expect(configProblems(first, {})).toEqual([{ path: "alpha", message: "Required" }]);
      expect(configProblems(structuredClone(first), {})).toEqual([{ path: "alpha", message: "Required" }]);
      expect(configProblems(reordered, { alpha: 1 })).toEqual([]);
      expect(compile).toHaveBeenCalledTimes(1);
    } finally {
      compile.mockRestore();
    }
  });
});
