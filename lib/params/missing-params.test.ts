import { describe, expect, it } from "vitest";
import { missingParams } from "./missing-params";

describe("missingParams", () => {
  it.each<[string, Record<string, unknown>, string[], string[]]>([
    ["all present", { objectType: "deals", limit: 0, active: false }, ["objectType", "limit", "active"], []],
    ["absent key", {}, ["objectType"], ["objectType"]],
    ["undefined", { objectType: undefined }, ["objectType"], ["objectType"]],
    ["null", { objectType: null }, ["objectType"], ["objectType"]],
    ["empty string", { objectType: "" }, ["objectType"], ["objectType"]],
    ["empty array", { ids: [] }, ["ids"], ["ids"]],
    ["whitespace and empty objects count as values", { q: " ", filter: {} }, ["q", "filter"], []],
    ["keeps the order of required", { b: "" }, ["c", "b", "a"], ["c", "b", "a"]],
    ["inherited keys are missing", {}, ["constructor", "toString"], ["constructor", "toString"]],
    ["nothing required", { a: "" }, [], []],
  ])("%s", (_name, resolved, required, expected) => {
    expect(missingParams(resolved, required)).toStrictEqual(expected);
  });
});
