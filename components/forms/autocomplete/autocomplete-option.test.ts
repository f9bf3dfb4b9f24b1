import { describe, expect, it } from "vitest";
import { filterResults, groupOptions, sameValue } from "./autocomplete-option";

describe("groupOptions", () => {
  it("groups by parent in order of first appearance and numbers options in display order", () => {
    const groups = groupOptions([
      { label: "Ann", value: "1", parent: "Sales" },
      { label: "Bob", value: "2", parent: "Support" },
      { label: "Cid", value: "3", parent: "Sales" },
      { label: "Use “x”", value: "x", custom: true },
      { label: "Dee", value: "4" },
    ]);
    expect(groups.map((group) => [group.parent, group.options.map(({ option, index }) => `${index}:${option.label}`)])).toEqual([
      ["Sales", ["0:Ann", "1:Cid"]],
      ["Support", ["2:Bob"]],
      [undefined, ["3:Dee"]],
      [undefined, ["4:Use “x”"]],
    ]);
  });
});

describe("filterResults", () => {
  const results = [
    { label: "Name", value: "name", description: "string" },
    { label: "Owner", value: "ownerId", description: "string" },
  ];
  it("matches label, value or description, ignoring case", () => {
    expect(filterResults(results, "OWNER").map((result) => result.value)).toEqual(["ownerId"]);
    expect(filterResults(results, "string")).toHaveLength(2);
    expect(filterResults(results, " ")).toHaveLength(2);
  });
});

describe("sameValue", () => {
  it("compares ids as text", () => {
    expect(sameValue(12, "12")).toBe(true);
    expect(sameValue(undefined, "")).toBe(false);
    expect(sameValue(null, null)).toBe(true);
  });
});
