import { describe, expect, it } from "vitest";
import { formatCell } from "./cell-format";

describe("formatCell", () => {
  it.each([
    [1234567.5, "number", "1,234,567.5", true],
    ["42", "number", "42", true],
    [true, "boolean", "✓", false],
    [false, "boolean", "—", false],
    [null, "string", "", false],
    [undefined, "number", "", true],
    [{ a: 1, b: [2] }, "object", '{"a":1,"b":[2]}', false],
    ["2024-03-12T14:05:09", "date", "12 Mar 2024, 14:05", false],
    ["2024-01-31", "date", "31 Jan 2024", false],
    ["soon", "date", "soon", false],
    ["Acme", "string", "Acme", false],
  ] as const)("shows %j of a %s column as %j", (value, type, text, numeric) => {
    expect(formatCell(value, type)).toMatchObject({ text, numeric });
  });

  it("shortens long JSON and keeps it whole in the title", () => {
    const value = { list: Array.from({ length: 50 }, (_, index) => index) };
    const cell = formatCell(value, "object");
    expect(cell.text.endsWith("…")).toBe(true);
    expect(cell.title).toBe(JSON.stringify(value));
  });
});
