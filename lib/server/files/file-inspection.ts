import { FILE_ROW_ERRORS_KEPT, type FileRowError, type ModelColumn } from "@/lib/contract";
import { AppError } from "../errors";
import { CsvRowReader, type CsvRow } from "./csv-rows";
import { ColumnTypes, columnsOfHeader, MAX_FILE_COLUMNS, recordOf, shapeProblem, TYPE_SAMPLE_ROWS } from "./file-columns";

/** A row still open past this is refused rather than held: a quote never closed would hold the rest of the file. */
const MAX_ROW_CHARS = 4 * 1024 * 1024;

/** What a CSV holds. */
export interface FileContents {
  columns: ModelColumn[];
  rowsCount: number;
  rowErrors: FileRowError[];
  rowErrorsCount: number;
}

/**
 * Finds what a CSV holds as its bytes go by, in the memory of one row: the header's columns, their
 * types (from the first {@link TYPE_SAMPLE_ROWS} good rows), the good rows' count, and the bad rows
 * by line. Later rows are checked against the inferred types, as `readFileRecords` converts them.
 * A file it cannot make a table of throws a 400 `AppError`.
 */
export class FileInspection {
  #reader = new CsvRowReader({ maxRowChars: MAX_ROW_CHARS });
  #size = 0;
  #header: ModelColumn[] | undefined;
  #types: ColumnTypes | undefined;
  /** Set once the sample is complete; rows after it must fit. */
  #typed: ModelColumn[] | undefined;
  #rowsCount = 0;
  #rowErrors: FileRowError[] = [];
  #rowErrorsCount = 0;

  /** Bytes seen so far. */
  get size(): number {
    return this.#size;
  }

  push(bytes: Uint8Array): void {
    this.#size += bytes.length;
    for (const row of this.#reader.push(bytes)) this.#add(row);
  }

  /** Ends the file and gives what it holds. */
  end(): FileContents {
    for (const row of this.#reader.end()) this.#add(row);
    if (this.#size === 0) throw new AppError("bad_request:csv", "The file is empty; upload a CSV whose first line names the columns");
    if (!this.#header) throw new AppError("bad_request:csv", "The file has no header row; its first line should name the columns");
    return {
      columns: this.#typed ?? this.#types!.typed(this.#header),
      rowsCount: this.#rowsCount,
      rowErrors: this.#rowErrors,
      rowErrorsCount: this.#rowErrorsCount,
    };
  }

  #add(row: CsvRow): void {
    if (!this.#header) return this.#readHeader(row);
    const problem = this.#typed ? errorOf(recordOf(this.#typed, row)) : shapeProblem(this.#header.length, row);
    if (problem) {
      this.#rowErrorsCount++;
      if (this.#rowErrors.length < FILE_ROW_ERRORS_KEPT) this.#rowErrors.push({ line: row.line, message: problem });
      return;
    }
    this.#rowsCount++;
    if (this.#typed) return;
    this.#types!.add(row.fields);
    if (this.#rowsCount === TYPE_SAMPLE_ROWS) this.#typed = this.#types!.typed(this.#header);
  }

  #readHeader({ line, fields, quoteProblem }: CsvRow): void {
    if (quoteProblem) throw new AppError("bad_request:csv", `Line ${line} (the header): ${quoteProblem}`);
    if (fields.length > MAX_FILE_COLUMNS) {
      throw new AppError("bad_request:csv", `The header names ${fields.length} columns; a file may have at most ${MAX_FILE_COLUMNS}`);
    }
    this.#header = columnsOfHeader(fields);
    this.#types = new ColumnTypes(fields.length);
  }
}

function errorOf(result: ReturnType<typeof recordOf>): string | null {
  return "error" in result ? result.error : null;
}
