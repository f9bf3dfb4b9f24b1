import { describe, expect, it } from "vitest";
import { ARRAY_ITEM, type FieldPath, formatFieldPath, pathStartsWith } from "./field-path";

describe("pathStartsWith", () => {
  it.each<[FieldPath, FieldPath, boolean]>([
    [["objectType"], ["objectType"], true],
    [["objectType"], [], true],
    [[], [], true],
    [["mappings", 2, "name"], ["mappings"], true],
    [["mappings", 2, "name"], ["mappings", 2], true],
    [["mappings", 2, "name"], ["mappings", ARRAY_ITEM], true],
    [["mappings", ARRAY_ITEM, "name"], ["mappings", 2, "name"], true],
    [["mappings", ARRAY_ITEM, "name"], ["mappings", ARRAY_ITEM, "name"], true],
    [["mappings", 2, "name"], ["mappings", 3], false],
    [["mappings", 2, "value"], ["mappings", ARRAY_ITEM, "name"], false],
    [["mappings"], ["mappings", 2], false],
    [["objectTypeId"], ["objectType"], false],
    [["a", "x"], ["a", ARRAY_ITEM], false],
    [[], ["objectType"], false],
  ])("%j starts with %j → %s", (path, prefix, expected) => {
    expect(pathStartsWith(path, prefix)).toBe(expected);
  });
});

describe("formatFieldPath", () => {
  it.each<[FieldPath, string]>([
    [[], "(root)"],
    [["objectType"], "objectType"],
    [["mappings", 0, "name"], "mappings[0].name"],
    [["mappings", ARRAY_ITEM, "name"], "mappings[*].name"],
    [["groups", 1, "rules", 0, "field"], "groups[1].rules[0].field"],
    [[0, "name"], "[0].name"],
    [["fields", "first name"], 'fields["first name"]'],
  ])("%j → %s", (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
  });
});
