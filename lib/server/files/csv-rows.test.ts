import { describe, expect, it } from "vitest";
import { CsvRowReader, type CsvRow } from "./csv-rows";

/** The rows of `bytes` fed to one reader `size` bytes at a time. */
function rowsOf(bytes: Uint8Array, size = bytes.length, reader = new CsvRowReader()): CsvRow[] {
  const rows: CsvRow[] = [];
  for (let at = 0; at < bytes.length; at += size) rows.push(...reader.push(bytes.subarray(at, at + size)));
  rows.push(...reader.end());
  return rows;
}

const encode = (text: string) => new TextEncoder().encode(text);
const row = (line: number, fields: string[], quoteProblem: string | null = null): CsvRow => ({ line, fields, quoteProblem });

describe("CsvRowReader", () => {
  it("gives each row with the physical line it starts on: BOM, CRLF, quoted commas, quotes and line breaks, blank lines", () => {
    const csv = '\uFEFFname,note\r\n"Ann, A.","said ""hi""\r\nthen left"\r\n\r\n,\r\nBob,plain\r\nCy,"x\ny"\r\nDee,last';
    expect(rowsOf(encode(csv))).toEqual([
      row(1, ["name", "note"]),
      row(2, ["Ann, A.", 'said "hi"\r\nthen left']),
      row(6, ["Bob", "plain"]),
      row(7, ["Cy", "x\ny"]),
      row(9, ["Dee", "last"]),
    ]);
  });

  it("reads the same rows however the bytes are cut: inside a quote, between CR and LF, inside a character", () => {
    const csv = encode('id,name\r\n1,"Zoë ""😀""\r\nsecond line"\r\n2,Ünal\r\n\r\n3,"a,b",extra\r\n4,"open');
    const whole = rowsOf(csv);
    expect(whole.map(({ line }) => line)).toEqual([1, 2, 4, 6, 7]);
    expect(whole[1]!.fields).toEqual(["1", 'Zoë "😀"\r\nsecond line']);
    expect(whole[4]!.quoteProblem).toMatch(/never closed/);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(rowsOf(csv, size), `${size} bytes at a time`).toEqual(whole);
  });

  it("reads a file whose lines end with CR alone", () => {
    expect(rowsOf(encode('a,b\r1,"x\ry"\r2,z\r'))).toEqual([row(1, ["a", "b"]), row(2, ["1", "x\ry"]), row(4, ["2", "z"])]);
  });

  it("reports a quote with text after it on the row where it is", () => {
    const rows = rowsOf(encode('a,b\n1,"x"y\n'));
    expect(rows[1]).toMatchObject({ line: 2, quoteProblem: expect.stringMatching(/quote/) });
  });

  it("refuses text that is not UTF-8, and a row still open past the limit, naming the line (400)", () => {
    const latin1 = Uint8Array.from([...encode("name\nJos"), 0xe9, ...encode("\n")]);
    expect(() => rowsOf(latin1)).toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/^Line 2: the file is not UTF-8/) }));
    const unclosed = encode(`a,b\n1,2\n3,"${"x".repeat(5000)}`);
    expect(() => rowsOf(unclosed, 1000, new CsvRowReader({ maxRowChars: 4000 }))).toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/^Line 3: a row over/) }));
  });
});
