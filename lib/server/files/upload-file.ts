import { randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { WorkspaceFile } from "@/lib/contract";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { DEFAULT_FILE_UPLOAD_MAX_BYTES, type Settings } from "../settings";
import { FileInspection } from "./file-inspection";
import { receiveFilePart } from "./multipart-file";
import { storedFilePath } from "./stored-files";

/** The multipart field the CSV comes in. */
export const FILE_FIELD = "file";

/** Room for the multipart framing around the file (boundaries, part headers, a few small fields). */
const MULTIPART_MARGIN_BYTES = 64 * 1024;

/** The largest file an upload may carry (`FILE_UPLOAD_MAX_BYTES`). */
export function fileUploadMaxBytesOf(settings: Pick<Settings, "fileUploadMaxBytes">): number {
  return settings.fileUploadMaxBytes ?? DEFAULT_FILE_UPLOAD_MAX_BYTES;
}

/** The largest request body the upload route reads: the file's cap and the multipart framing. */
export function uploadBodyMaxBytes(settings: Pick<Settings, "fileUploadMaxBytes">): number {
  return fileUploadMaxBytesOf(settings) + MULTIPART_MARGIN_BYTES;
}

/**
 * Receives a CSV in a multipart/form-data request's `file` field: streams it to
 * `<DATA_DIR>/files/<uuid>.csv` while papaparse reads it, so no upload is ever whole in memory,
 * and records its columns (types inferred), good rows' count and bad rows by line. 400 when there
 * is no file, or it is empty, has no header or too many columns; 413 past `FILE_UPLOAD_MAX_BYTES`.
 * Whatever was written of a refused upload is deleted.
 */
export async function uploadFile(deps: Pick<Deps, "db" | "settings">, workspaceUuid: string, request: Request): Promise<WorkspaceFile> {
  const maxBytes = fileUploadMaxBytesOf(deps.settings);
  const part = await receiveFilePart(request, FILE_FIELD);
  const uuid = randomUUID();
  const storedName = `${uuid}.csv`;
  const stored = storedFilePath(deps.settings, storedName);
  // Written under another name until complete, so a file under its own name is always whole.
  const partial = `${stored}.part`;
  try {
    await fs.mkdir(path.dirname(stored), { recursive: true });
    const inspection = new FileInspection();
    const out = createWriteStream(partial, { flags: "wx" });
    await pipeline(
      part.bytes,
      async function* inspect(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          if (inspection.size + chunk.length > maxBytes) throw fileTooLarge(maxBytes);
          inspection.push(chunk);
          yield chunk;
        }
      },
      out,
    ).catch(async (error: unknown) => {
      await closed(out);
      // The upload itself broke off (busboy: "Unexpected end of form"): the client's doing, a 400.
      if (error instanceof AppError || !(error instanceof Error) || "code" in error) throw error;
      throw new AppError("bad_request:file", `The upload broke off before the file ended: ${error.message}`, { cause: error });
    });
    const contents = inspection.end();
    await fs.rename(partial, stored);
    const created = { uuid, storedName, name: fileNameOf(part.filename), size: inspection.size, ...contents, createdAt: new Date().toISOString() };
    await deps.db.files.create(workspaceUuid, created).catch(async (error: unknown) => {
      await fs.rm(stored, { force: true });
      throw error;
    });
    const { storedName: _storedName, ...answer } = created;
    return answer;
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    part.close();
  }
}

function fileTooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} bytes`;
  return new AppError("payload_too_large:file", `The file is over the ${size} upload limit (FILE_UPLOAD_MAX_BYTES)`);
}

function fileNameOf(filename: string): string {
  return filename.trim().slice(0, 255) || "upload.csv";
}

/** Resolves once the stream has let go of its file (a destroyed stream may still be opening it). */
function closed(stream: WriteStream): Promise<void> {
  return stream.closed ? Promise.resolve() : new Promise((resolve) => stream.once("close", () => resolve()));
}
