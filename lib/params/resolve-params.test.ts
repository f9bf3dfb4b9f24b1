import { describe, expect, it } from "vitest";
import { type FieldPath } from "./field-path";
import { resolveParams, resolveParamValue } from "./resolve-params";

const formData = {
  objectType: "deals",
  q: "acme",
  mappings: [
    { name: "email", value: "a@b.c" },
    { name: "phone", value: null },
  ],
  account: { region: { code: "eu" } },
  groups: [{ kind: "g0", rules: [{ field: "f" }] }],
};

describe("resolveParamValue", () => {
  it.each<[string, unknown, FieldPath, unknown]>([
    ["$this alone", "$this", ["q"], "acme"],
    ["$this of an array item field", "$this", ["mappings", 1, "name"], "phone"],
    ["$this.$parent", "$this.$parent", ["mappings", 0, "name"], { name: "email", value: "a@b.c" }],
    ["$root alone", "$root", ["q"], formData],
    ["$root with a numeric segment", "$root.mappings.0.name", ["q"], "email"],
    ["$root with a deeper index", "$root.mappings.1.name", ["q"], "phone"],
    ["a null value in the data is kept", "$root.mappings.1.value", ["q"], null],
    ["deep path after $root", "$root.account.region.code", ["q"], "eu"],
    ["arrays inside arrays from $root", "$root.groups.0.rules.0.field", ["q"], "f"],
    ["array level counted while climbing", "$this.$parent.$parent", ["mappings", 0, "name"], formData.mappings],
  ])("%s", (_name, value, fieldPath, expected) => {
    expect(resolveParamValue(value, formData, fieldPath)).toStrictEqual(expected);
  });

  it.each<[string, unknown]>([
    ["plain string", "contacts"],
    ["string with a dollar not in the path language", "$5.00"],
    ["string that only looks like $this", "$thisIsText"],
    ["string with $this later on", "price in $this.currency"],
    ["empty string", ""],
    ["number", 42],
    ["zero", 0],
    ["boolean", false],
    ["null", null],
    ["array", ["$root.objectType", 1]],
  ])("keeps a literal: %s", (_name, value) => {
    expect(resolveParamValue(value, formData, ["q"])).toStrictEqual(value);
  });

  it.each<[string, string, FieldPath]>([
    ["missing key", "$root.nope", ["q"]],
    ["key below a primitive", "$root.q.length", ["q"]],
    ["index past the end", "$root.mappings.5.name", ["q"]],
    ["non-numeric segment on an array", "$root.mappings.first", ["q"]],
    ["array length is not data", "$root.mappings.length", ["q"]],
    ["climb above the root", "$this.$parent.$parent", ["q"]],
    ["$parent from $root", "$root.$parent", ["q"]],
    ["$parent after a property", "$this.$parent.account.$parent", ["q"]],
    ["empty segment", "$root..objectType", ["q"]],
    ["trailing dot", "$root.objectType.", ["q"]],
    ["__proto__", "$root.__proto__", ["q"]],
    ["constructor", "$root.constructor", ["q"]],
    ["constructor below a value", "$root.account.constructor.name", ["q"]],
    ["prototype", "$root.objectType.prototype", ["q"]],
    ["inherited method", "$root.toString", ["q"]],
    ["prototype key in the field path", "$this", ["constructor"]],
  ])("unresolved: %s", (_name, expression, fieldPath) => {
    expect(resolveParamValue(expression, formData, fieldPath)).toBeUndefined();
  });

  it("reads nothing from data that is not an object", () => {
    expect(resolveParamValue("$root.a", undefined, ["a"])).toBeUndefined();
    expect(resolveParamValue("$root.a", "text", ["a"])).toBeUndefined();
    expect(resolveParamValue("$root", null, ["a"])).toBeNull();
  });
});

describe("resolveParams", () => {
  it("resolves nested params objects key by key and drops unresolved keys at every level", () => {
    const params = {
      filter: { type: "$root.objectType", missing: "$root.nope", deeper: { code: "$root.account.region.code" } },
      limit: 25,
      active: true,
      none: null,
      kind: "contacts",
      gone: "$this.$parent.nope",
    };
    expect(resolveParams(params, formData, ["q"])).toStrictEqual({
      filter: { type: "deals", deeper: { code: "eu" } },
      limit: 25,
      active: true,
      none: null,
      kind: "contacts",
    });
  });

  it("uses the outer root inside a dynamic sub-form", () => {
    const outer = { objectType: "companies", fields: { owner: "", address: { city: "" } } };
    const params = { objectType: "$root.objectType", viaParents: "$this.$parent.$parent.$parent.objectType" };
    expect(resolveParams(params, outer, ["fields", "address", "city"])).toStrictEqual({
      objectType: "companies",
      viaParents: "companies",
    });
  });

  it("returns an empty object for absent params", () => {
    expect(resolveParams(undefined, formData, ["q"])).toStrictEqual({});
    expect(resolveParams({}, formData, ["q"])).toStrictEqual({});
  });

  it("never lets a __proto__ param replace the result's prototype", () => {
    const params = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "kind": "$root.objectType"}');
    const resolved = resolveParams(params, formData, ["q"]);
    expect(Object.getPrototypeOf(resolved)).toBe(Object.prototype);
    expect(resolved).toStrictEqual({ constructor: "x", kind: "deals" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
