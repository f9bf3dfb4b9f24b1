import { describe, expect, it } from "vitest";
import { ARRAY_ITEM, type FieldPath } from "./field-path";
import { type ParamDependency, paramDependencies } from "./param-dependencies";
import { referencedPath } from "./path-expression";

const CLIMB_3 = "$this.$parent.$parent.$parent.";
const OBJECT_TYPE = { param: "objectType", path: ["objectType"] };

describe("referencedPath", () => {
  it.each<[string, string, FieldPath, FieldPath | null]>([
    ["top-level sibling", "$this.$parent.objectType", ["propertyName"], ["objectType"]],
    ["$this alone", "$this", ["mappings", 0, "name"], ["mappings", 0, "name"]],
    ["array item to root, index", CLIMB_3 + "objectType", ["mappings", 0, "name"], ["objectType"]],
    ["array item to root, ARRAY_ITEM", CLIMB_3 + "objectType", ["mappings", ARRAY_ITEM, "name"], ["objectType"]],
    ["sibling in the same item", "$this.$parent.kind", ["mappings", ARRAY_ITEM, "name"], ["mappings", ARRAY_ITEM, "kind"]],
    ["the array itself", "$this.$parent.$parent", ["mappings", 3, "name"], ["mappings"]],
    ["arrays inside arrays", CLIMB_3 + "kind", ["groups", ARRAY_ITEM, "rules", ARRAY_ITEM, "field"], ["groups", ARRAY_ITEM, "kind"]],
    ["arrays inside arrays, indices", CLIMB_3 + "kind", ["groups", 1, "rules", 0, "field"], ["groups", 1, "kind"]],
    ["$root alone", "$root", ["a", "b"], []],
    ["$root with numeric segments", "$root.mappings.0.name", ["x"], ["mappings", 0, "name"]],
    ["non-canonical numbers stay keys", "$root.codes.007", ["x"], ["codes", "007"]],
    ["$root from inside a dynamic sub-form", "$root.objectType", ["fields", "owner"], ["objectType"]],
    ["climb out of a dynamic sub-form", "$this.$parent.$parent.objectType", ["fields", "owner"], ["objectType"]],
    ["climb to the root itself", "$this.$parent", ["x"], []],
    ["above the root", "$this.$parent.$parent.a", ["x"], null],
    ["above the root from an item", CLIMB_3 + "$parent", ["mappings", ARRAY_ITEM, "name"], null],
    ["literal", "contacts", ["x"], null],
    ["dollar literal", "$5", ["x"], null],
    ["malformed: $parent after a property", "$this.$parent.a.$parent", ["x", "y"], null],
    ["malformed: empty segment", "$root.a..b", ["x"], null],
    ["prototype key", "$root.__proto__.polluted", ["x"], null],
    ["constructor key", "$this.$parent.constructor", ["x"], null],
  ])("%s", (_name, expression, fieldPath, expected) => {
    expect(referencedPath(expression, fieldPath)).toStrictEqual(expected);
  });
});

describe("paramDependencies", () => {
  it.each<[string, Record<string, unknown> | undefined, FieldPath, ParamDependency[]]>([
    ["top-level sibling", { objectType: "$this.$parent.objectType" }, ["propertyName"], [OBJECT_TYPE]],
    [
      "array item field, index",
      { objectType: CLIMB_3 + "objectType" },
      ["mappings", 0, "name"],
      [OBJECT_TYPE],
    ],
    [
      "array item field, ARRAY_ITEM",
      { objectType: CLIMB_3 + "objectType" },
      ["mappings", ARRAY_ITEM, "name"],
      [OBJECT_TYPE],
    ],
    [
      "arrays inside arrays",
      { kind: CLIMB_3 + "kind" },
      ["groups", ARRAY_ITEM, "rules", ARRAY_ITEM, "field"],
      [{ param: "kind", path: ["groups", ARRAY_ITEM, "kind"] }],
    ],
    [
      "$root inside a dynamic sub-form",
      { objectType: "$root.objectType", owner: "$this" },
      ["fields", "owner"],
      [
        OBJECT_TYPE,
        { param: "owner", path: ["fields", "owner"] },
      ],
    ],
    [
      "nested objects get dotted keys",
      { filter: { type: "$root.objectType", range: { from: "$this.$parent.start" } } },
      ["x"],
      [
        { param: "filter.type", path: ["objectType"] },
        { param: "filter.range.from", path: ["start"] },
      ],
    ],
    ["above the root is not listed", { a: "$this.$parent.$parent.a" }, ["x"], []],
    ["literals are not listed", { kind: "contacts", limit: 10, active: true, none: null, list: ["$root.a"] }, ["x"], []],
    ["absent params", undefined, ["x"], []],
  ])("%s", (_name, params, fieldPath, expected) => {
    expect(paramDependencies(params, fieldPath)).toStrictEqual(expected);
  });
});
