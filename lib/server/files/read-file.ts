import { createReadStream } from "node:fs";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { CsvRowReader, type CsvRow } from "./csv-rows";
import { recordOf } from "./file-columns";
import { getStoredFile, storedFilePath } from "./stored-files";

/**
 * The good rows of an uploaded file, read from disk as they are consumed (one chunk at a time),
 * each keyed by column slug with its cells converted to the column's type: number, boolean, a
 * date as the ISO text written, string; an empty cell is null. The rows the upload reported as
 * bad are skipped. 404 when the workspace has no such file.
 * @example for await (const record of readFileRecords(deps, workspaceUuid, fileUuid)) await importRecord(record);
 */
export async function* readFileRecords(
  deps: Pick<Deps, "db" | "settings">,
  workspaceUuid: string,
  fileUuid: string,
): AsyncGenerator<Record<string, unknown>, void, undefined> {
  const { columns, storedName } = await getStoredFile(deps, workspaceUuid, fileUuid);
  const reader = new CsvRowReader();
  let isHeader = true;
  const records = function* (rows: CsvRow[]) {
    for (const row of rows) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      const result = recordOf(columns, row);
      if ("record" in result) yield result.record;
    }
  };
  const stream = createReadStream(storedFilePath(deps.settings, storedName));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield* records(reader.push(chunk));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found:file", `The uploaded file ${fileUuid} is no longer on this server's disk`);
    throw error;
  } finally {
    stream.destroy();
  }
  yield* records(reader.end());
}
