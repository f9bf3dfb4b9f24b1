import Papa from "papaparse";
import { AppError } from "../errors";

/** One row of a CSV as it stands in the file. */
export interface CsvRow {
  /** The 1-based physical line the row starts on (a quoted cell can hold line breaks). */
  line: number;
  fields: string[];
  /** What is wrong with the row's quotes (its cells are then unreliable); null when nothing. */
  quoteProblem: string | null;
}

interface ParseResult {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

const QUOTE_PROBLEMS: Partial<Record<Papa.ParseError["code"], string>> = {
  MissingQuotes: 'A quoted cell is never closed (a " is missing), so the rest of the file was read into this row',
  InvalidQuotes: 'A quoted cell has text after its closing quote (a " inside a quoted cell must be doubled: "")',
};

/**
 * Papaparse over a CSV whose bytes arrive in chunks: each chunk gives the rows it completes, so a
 * file of any size is parsed in the memory of one row. Papaparse's own Node stream drops the parse
 * errors and decodes each chunk apart (splitting multi-byte characters), hence its `Parser` here.
 * UTF-8 only (a BOM is dropped); CRLF, LF or CR line ends; blank lines, and rows of empty cells
 * only as spreadsheets export them, are skipped.
 * @example const reader = new CsvRowReader(); for await (const chunk of stream) use(reader.push(chunk)); use(reader.end());
 */
export class CsvRowReader {
  #decoder = new TextDecoder("utf-8", { fatal: true });
  /** The text after the last complete row. */
  #pending = "";
  #line = 1;
  /** Decided by the first line break in the file; CRLF parses as `\n` with each row's `\r` dropped. */
  #newline: "\n" | "\r" | undefined;
  #maxRowChars: number;

  /** @param maxRowChars a row still open past this length is refused (a quote never closed would otherwise hold the whole file). */
  constructor({ maxRowChars = Infinity }: { maxRowChars?: number } = {}) {
    this.#maxRowChars = maxRowChars;
  }

  /** The rows this chunk of the file's bytes completes. */
  push(bytes: Uint8Array): CsvRow[] {
    this.#pending += this.#decode(bytes);
    this.#newline ??= newlineOf(this.#pending, false);
    const rows = this.#newline ? this.#parse(false) : [];
    if (this.#pending.length > this.#maxRowChars) {
      throw new AppError(
        "bad_request:csv",
        `Line ${this.#line}: a row over ${Math.round(this.#maxRowChars / 1024 / 1024)} MB long; a quoted cell that is never closed (a missing ") reads the rest of the file into its row`,
      );
    }
    return rows;
  }

  /** The rows left when the file has ended. */
  end(): CsvRow[] {
    this.#pending += this.#decode();
    this.#newline ??= newlineOf(this.#pending, true) ?? "\n";
    return this.#parse(true);
  }

  #decode(bytes?: Uint8Array): string {
    try {
      return bytes ? this.#decoder.decode(bytes, { stream: true }) : this.#decoder.decode();
    } catch {
      // Decoded again leniently, to find the line of the first byte that is not UTF-8.
      const text = this.#pending + new TextDecoder().decode(bytes);
      const at = text.indexOf("\uFFFD");
      const before = at === -1 ? text : text.slice(0, at);
      const line = this.#line + countOf(before, this.#newline ?? "\n");
      throw new AppError("bad_request:csv", `Line ${line}: the file is not UTF-8 text; save it as "CSV UTF-8" and upload it again`);
    }
  }

  #parse(isLast: boolean): CsvRow[] {
    const newline = this.#newline!;
    const input = this.#pending;
    const parser = new Papa.Parser({ delimiter: ",", newline, quoteChar: '"' });
    // Not the last chunk: the last row may be incomplete, so papaparse leaves it (and its errors) for the next call.
    const { data, errors, meta } = parser.parse(input, 0, !isLast) as ParseResult;
    this.#pending = isLast ? "" : input.slice(meta.cursor);
    const problems = new Map<number, string>();
    for (const error of errors) {
      if (error.row === undefined || error.row >= data.length) continue;
      // A quote never closed says more (the rest of the file is in the row) than what came before it.
      if (problems.has(error.row) && error.code !== "MissingQuotes") continue;
      problems.set(error.row, QUOTE_PROBLEMS[error.code] ?? error.message);
    }
    const rows: CsvRow[] = [];
    data.forEach((fields, index) => {
      const line = this.#line;
      if (newline === "\n") fields[fields.length - 1] = fields[fields.length - 1]!.replace(/\r$/, "");
      this.#line += 1 + fields.reduce((breaks, field) => breaks + countOf(field, newline), 0);
      const quoteProblem = problems.get(index) ?? null;
      if (quoteProblem === null && fields.every((field) => field === "")) return;
      rows.push({ line, fields, quoteProblem });
    });
    return rows;
  }
}

/** The line break the file uses, from its first one; undefined while the text so far cannot tell. */
function newlineOf(text: string, isWhole: boolean): "\n" | "\r" | undefined {
  const at = text.search(/[\r\n]/);
  if (at === -1) return undefined;
  if (text[at] === "\n") return "\n";
  if (at + 1 === text.length && !isWhole) return undefined;
  return text[at + 1] === "\n" ? "\n" : "\r";
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}
