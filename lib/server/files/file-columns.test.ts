import { describe, expect, it } from "vitest";
import type { ModelColumn } from "@/lib/contract";
import { ColumnTypes, columnsOfHeader, recordOf } from "./file-columns";

const typesOf = (rows: string[][]) => {
  const types = new ColumnTypes(rows[0]!.length);
  for (const fields of rows) types.add(fields);
  return types.typed(columnsOfHeader(rows[0]!.map((_, index) => `c${index}`))).map((column) => column.type);
};

describe("columnsOfHeader", () => {
  it("slugs each header (unique, an empty one numbered) and keeps its text as the label", () => {
    expect(columnsOfHeader(["First name", "first name", "First_name_2", "", " ", "名前", "Prénom"])).toEqual([
      { slug: "first_name", label: "First name", type: "string" },
      { slug: "first_name_2", label: "first name", type: "string" },
      { slug: "first_name_2_2", label: "First_name_2", type: "string" },
      { slug: "column_4", label: "Column 4", type: "string" },
      { slug: "column_5", label: "Column 5", type: "string" },
      { slug: "column_6", label: "名前", type: "string" },
      { slug: "prenom", label: "Prénom", type: "string" },
    ]);
  });
});

describe("ColumnTypes", () => {
  it("a type when every non-empty cell has it, else string", () => {
    expect(typesOf([["1", "true", "2024-01-31", "x", ""], ["-2.5", "FALSE", "2024-02-01T10:00:00.123+02:00", "3", ""], ["", "", "2024-02-01 10:00", "", ""]])).toEqual([
      "number",
      "boolean",
      "date",
      "string",
      "string",
    ]);
  });

  it("codes with leading zeros, ids too long for a JavaScript number and impossible dates stay strings", () => {
    expect(typesOf([["007", "12345678901234567", "2024-02-30", "1,5", "yes"]])).toEqual(["string", "string", "string", "string", "string"]);
  });
});

describe("recordOf", () => {
  const columns: ModelColumn[] = [
    { slug: "n", label: "N", type: "number" },
    { slug: "b", label: "B", type: "boolean" },
    { slug: "d", label: "D", type: "date" },
    { slug: "s", label: "S", type: "string" },
  ];
  const rowOf = (fields: string[]) => ({ line: 2, fields, quoteProblem: null });

  it("converts each cell to its column's type, an empty one to null", () => {
    expect(recordOf(columns, rowOf(["1e3", "TRUE", "2024-01-31", "007"]))).toEqual({ record: { n: 1000, b: true, d: "2024-01-31", s: "007" } });
    expect(recordOf(columns, rowOf(["", "", "", ""]))).toEqual({ record: { n: null, b: null, d: null, s: null } });
  });

  it("a cell that does not fit, a wrong cell count or a quote problem is the row's error", () => {
    expect(recordOf(columns, rowOf(["n/a", "true", "", ""]))).toEqual({ error: expect.stringMatching(/^Column "N": "n\/a" is not a number/) });
    expect(recordOf(columns, rowOf(["1"]))).toEqual({ error: "Expected 4 cells (one per column), found 1" });
    expect(recordOf(columns, { ...rowOf(["1", "true", "", ""]), quoteProblem: "broken" })).toEqual({ error: "broken" });
  });
});
