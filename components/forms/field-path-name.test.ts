import { describe, expect, it } from "vitest";
import { fieldPathNameGenerator, parseFieldPathName } from "./field-path-name";

describe("fieldPathNameGenerator / parseFieldPathName", () => {
  const cases: Array<[string, (string | number)[]]> = [
    ["root", []],
    ["root[objectType]", ["objectType"]],
    ["root[mappings][0][name]", ["mappings", 0, "name"]],
    ["root[groups][1][rules][12][field]", ["groups", 1, "rules", 12, "field"]],
  ];

  it.each(cases)("writes and reads %s", (name, path) => {
    expect(fieldPathNameGenerator(path, "root")).toBe(name);
    expect(parseFieldPathName(name)).toEqual(path);
  });

  it("round-trips keys holding brackets, spaces, dots and unicode", () => {
    const path = ["a[b]", "with space", "x.y", "ünï", "%20", 3];
    expect(parseFieldPathName(fieldPathNameGenerator(path, "root"))).toEqual(path);
  });

  it("keeps a digit-only key as text, apart from an array index", () => {
    const name = fieldPathNameGenerator(["byId", "42", 42], "root");
    expect(name).toBe("root[byId][%342][42]");
    expect(parseFieldPathName(name)).toEqual(["byId", "42", 42]);
  });

  it("ignores the id prefix, whatever it is", () => {
    expect(parseFieldPathName(fieldPathNameGenerator(["email"], "root_fields"))).toEqual(["email"]);
  });

  it("drops the multi-value suffix", () => {
    expect(parseFieldPathName(fieldPathNameGenerator(["tags"], "root", true))).toEqual(["tags"]);
  });

  it("returns undefined for a name it did not write", () => {
    expect(parseFieldPathName(undefined)).toBeUndefined();
    expect(parseFieldPathName("root[a]b")).toBeUndefined();
    expect(parseFieldPathName("root[a")).toBeUndefined();
  });
});
