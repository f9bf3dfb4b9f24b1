import { clipEnd, type ModelColumn } from "@/lib/contract";
import { slugify } from "../custom-integrations";
import type { CsvRow } from "./csv-rows";

/** More columns than this is not a table a model can hold; the upload is refused. */
export const MAX_FILE_COLUMNS = 500;

/** How many good rows a column's type is inferred from. */
export const TYPE_SAMPLE_ROWS = 1_000;

type CellType = "number" | "boolean" | "date";

/**
 * Numbers as a spreadsheet writes them. Not a leading zero (`00123` is a code, not 123) and not
 * more than 15 integer digits (an id that long would lose digits as a JavaScript number).
 */
const NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?(?:[eE][-+]?\d{1,3})?$/;
const BOOLEAN = /^(?:true|false)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const FITS: Record<CellType, (text: string) => boolean> = {
  number: (text) => NUMBER.test(text) && Number.isFinite(Number(text)),
  boolean: (text) => BOOLEAN.test(text),
  date: isIsoDate,
};

/** An ISO 8601 date or date-time that is on the calendar (`2024-02-30` is not). */
function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day, hours = 0, minutes = 0, seconds = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day && hours < 24 && minutes < 60 && seconds < 60;
}

/**
 * The columns a header row names: the header text as label, a slug for each (snake_case, unique
 * in the file; an empty header is `column_<n>`), typed `string` until {@link ColumnTypes} says more.
 * @example columnsOfHeader(["First name", "", "First name"]) // slugs first_name, column_2, first_name_2
 */
export function columnsOfHeader(header: readonly string[]): ModelColumn[] {
  const taken = new Set<string>();
  return header.map((text, index) => {
    const label = text.trim();
    // slugify never answers empty (it falls back to a fixed word), so a header with nothing to slug is numbered here.
    const base = /[a-z0-9]/i.test(label.normalize("NFKD")) ? slugify(label) : `column_${index + 1}`;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}_${n}`;
    taken.add(slug);
    return { slug, label: label || `Column ${index + 1}`, type: "string" };
  });
}

/**
 * Infers each column's type from the cells it is shown: `number`, `boolean` or `date` when every
 * non-empty cell is one, else `string` (a column with no values too).
 */
export class ColumnTypes {
  #candidates: Set<CellType>[];
  #hasValue: boolean[];

  constructor(count: number) {
    this.#candidates = Array.from({ length: count }, () => new Set<CellType>(["number", "boolean", "date"]));
    this.#hasValue = Array.from({ length: count }, () => false);
  }

  add(fields: readonly string[]): void {
    fields.forEach((text, index) => {
      if (text === "") return;
      this.#hasValue[index] = true;
      for (const type of this.#candidates[index]!) if (!FITS[type](text)) this.#candidates[index]!.delete(type);
    });
  }

  /** The columns with the types inferred so far. */
  typed(columns: readonly ModelColumn[]): ModelColumn[] {
    return columns.map((column, index) => {
      const [type] = this.#hasValue[index] ? this.#candidates[index]! : [];
      return { ...column, type: type ?? "string" };
    });
  }
}

/** What is wrong with a row before its cells are looked at: its quotes, or not one cell per column; null when nothing. */
export function shapeProblem(columnCount: number, { fields, quoteProblem }: CsvRow): string | null {
  if (quoteProblem) return quoteProblem;
  if (fields.length !== columnCount) return `Expected ${columnCount} cells (one per column), found ${fields.length}`;
  return null;
}

/**
 * A row as a record keyed by column slug, each cell converted to its column's type (an empty cell
 * is null, a date stays the text written); a bad shape or a cell that does not fit is the error.
 */
export function recordOf(columns: readonly ModelColumn[], row: CsvRow): { record: Record<string, unknown> } | { error: string } {
  const problem = shapeProblem(columns.length, row);
  if (problem) return { error: problem };
  const { fields } = row;
  const record: Record<string, unknown> = {};
  for (const [index, column] of columns.entries()) {
    const text = fields[index]!;
    if (text === "") {
      record[column.slug] = null;
      continue;
    }
    const type = column.type as CellType | "string";
    if (type !== "string" && !FITS[type](text)) {
      return { error: `Column "${column.label}": "${clipEnd(text, 40)}" is not a ${type}, as the column's first ${TYPE_SAMPLE_ROWS.toLocaleString("en")} rows are` };
    }
    record[column.slug] = type === "number" ? Number(text) : type === "boolean" ? text.toLowerCase() === "true" : text;
  }
  return { record };
}
