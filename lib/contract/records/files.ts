import { z } from "zod";
import { IsoDateTime, Uuid } from "../api/common";
import { ModelColumn } from "./models";

/** How many bad rows an uploaded file keeps the details of; `rowErrorsCount` counts them all. */
export const FILE_ROW_ERRORS_KEPT = 100;

/** A row of an uploaded CSV that was left out, by its line in the file. */
export const FileRowError = z.object({
  line: z.number().int().min(1).describe("1-based physical line of the file where the row starts (the header is line 1)"),
  message: z.string().describe("What is wrong with the row"),
});
export type FileRowError = z.infer<typeof FileRowError>;

/** A CSV uploaded to the workspace, stored as sent; a model can import its rows. */
export const WorkspaceFile = z.object({
  uuid: Uuid,
  name: z.string().describe("The file's name as uploaded"),
  size: z.number().int().describe("Size in bytes"),
  rowsCount: z.number().int().describe("Good rows, the header and bad rows not counted"),
  columns: z.array(ModelColumn).describe("One per header cell, with the type its values were inferred to have"),
  rowErrors: z.array(FileRowError).describe(`The first ${FILE_ROW_ERRORS_KEPT} rows left out, in file order`),
  rowErrorsCount: z.number().int().describe("Every row left out"),
  createdAt: IsoDateTime,
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

/** `POST /workspace/files` (multipart/form-data, the CSV in the field `file`). */
export const WorkspaceFileResponseBody = z.object({ file: WorkspaceFile });
export type WorkspaceFileResponseBody = z.infer<typeof WorkspaceFileResponseBody>;
