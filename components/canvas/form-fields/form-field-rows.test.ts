import { describe, expect, it } from "vitest";
import { fieldsOf, moveRow, rowProblems, rowsOf, slugFromName, type FormFieldRow } from "./form-field-rows";

function makeRow(overrides: Partial<FormFieldRow> = {}): FormFieldRow {
  return { key: overrides.slug ?? "k", slug: "email", name: "Email", kind: "string", description: "", isRequired: false, slugEdited: true, ...overrides };
}

describe("slugFromName", () => {
  it.each([
    ["Work email", "work_email"],
    ["  Crème brûlée! ", "creme_brulee"],
    ["2nd phone #", "_2nd_phone"],
    ["", ""],
  ])("%j → %j", (name, slug) => expect(slugFromName(name)).toBe(slug));
});

describe("rowProblems", () => {
  it("requires a slug that is an identifier and unique, and a name", () => {
    const rows = [makeRow({ key: "a" }), makeRow({ key: "b" }), makeRow({ key: "c", slug: "1st" }), makeRow({ key: "d", slug: "", name: " " }), makeRow({ key: "e", slug: "ok" })];
    const problems = rowProblems(rows);
    expect(problems.get("a")).toEqual({ slug: "Another field uses this slug" });
    expect(problems.get("b")).toEqual({ slug: "Another field uses this slug" });
    expect(problems.get("c")?.slug).toMatch(/^Letters, digits and _/);
    expect(problems.get("d")).toEqual({ slug: "A slug is required", name: "A name is required" });
    expect(problems.has("e")).toBe(false);
  });
});

describe("fieldsOf", () => {
  it("gives the form fields of valid rows (trimmed, an empty description left out), else null", () => {
    expect(fieldsOf([makeRow({ name: " Email ", isRequired: true }), makeRow({ key: "n", slug: "note", name: "Note", kind: "text", description: " Why " })])).toEqual([
      { slug: "email", name: "Email", kind: "string", isRequired: true },
      { slug: "note", name: "Note", kind: "text", isRequired: false, description: "Why" },
    ]);
    expect(fieldsOf([makeRow(), makeRow({ key: "other" })])).toBeNull();
  });

  it("round-trips saved fields through rows", () => {
    const fields = [{ slug: "when", name: "When", kind: "date" as const, isRequired: false, description: "Day" }];
    let n = 0;
    expect(fieldsOf(rowsOf(fields, () => String(n++)))).toEqual(fields);
  });
});

describe("moveRow", () => {
  it("swaps with the neighbour and stays inside the list", () => {
    expect(moveRow(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveRow(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveRow(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });
});
