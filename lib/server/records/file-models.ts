import type { ModelColumn } from "@/lib/contract";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { readFileRecords } from "../files";
import { applyPage } from "./apply-page";

/** Rows written per transaction while a file is imported. */
const IMPORT_CHUNK = 500;

/** The column a row number goes in, for files without an `id` column. */
const ROW_COLUMN: ModelColumn = { slug: "_row", type: "number", label: "Row" };

/**
 * A model from an uploaded CSV: the file's columns; its `id` column as the id when it has one
 * (else the row number, in `_row`); the first text column as the title. Rows stream from the
 * stored file into the model, a chunk per transaction, so a large file never sits in memory.
 * Answers the new model's uuid.
 */
export async function importFileIntoModel(
  ctx: Pick<Deps, "db" | "settings">,
  workspaceUuid: string,
  { name, datasetUuid, fileUuid }: { name: string; datasetUuid: string | null; fileUuid: string },
): Promise<string> {
  const file = await ctx.db.files.get(workspaceUuid, fileUuid);
  if (!file) throw new AppError("not_found:file", `No file with uuid ${fileUuid}`, { reason: "fileNotFound" });
  const idColumn = file.columns.find((column) => column.slug.toLowerCase() === "id");
  const columns = idColumn ? file.columns : [ROW_COLUMN, ...file.columns];
  const titleColumn = file.columns.find((column) => column.type === "string" && column !== idColumn) ?? idColumn ?? ROW_COLUMN;
  const model = await ctx.db.models.create(workspaceUuid, {
    name,
    datasetUuid,
    extractor: null,
    fileUuid,
    columns,
    idColumnSlug: (idColumn ?? ROW_COLUMN).slug,
    titleColumnSlug: titleColumn.slug,
    timeColumnSlug: null,
    isSyncScheduled: false,
  });
  try {
    let chunk: Array<{ action: "upsert"; override: true; record: Record<string, unknown> }> = [];
    let row = 0;
    const flush = async () => {
      const records = chunk;
      chunk = [];
      await ctx.db.transaction((tx) => applyPage(tx, model, records, { syncUuid: "", segments: [] }));
    };
    for await (const record of readFileRecords(ctx, workspaceUuid, fileUuid)) {
      row++;
      chunk.push({ action: "upsert", override: true, record: idColumn ? record : { [ROW_COLUMN.slug]: row, ...record } });
      if (chunk.length >= IMPORT_CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
  } catch (error) {
    await ctx.db.models.remove(workspaceUuid, model.uuid);
    throw error;
  }
  return model.uuid;
}
