import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { option, type CommandContext, type GroupSpec, type Values } from "../command-table";
import { CliError } from "../output";

/** `relay storage file …`: CSVs uploaded to the workspace, for a model or a batch to read. */
export const fileGroup: GroupSpec = {
  name: "file",
  summary: "Files: CSVs uploaded to the workspace, read by models and batches",
  examples: ["relay storage file upload leads.csv", `relay orchestration batch create --workflow-uuid <uuid> --data '{"kind":"file","fileUuid":"<file.uuid>"}'`],
  commands: [
    {
      name: "upload",
      summary: "Upload a CSV (streamed from disk): prints its uuid, columns, good rows' count and bad rows by line",
      examples: [
        "relay storage file upload leads.csv",
        'relay storage file upload export.csv --name "Leads (March).csv"',
        `relay storage file upload leads.csv | jq -r .file.uuid   # for batch create --data '{"kind":"file","fileUuid":"…"}' or model create --file-uuid`,
      ],
      args: [{ key: "path", syntax: "<path>", description: "the CSV file" }],
      options: [option.string("--name <name>", "the name it is kept under (default: the file's name)")],
      run: upload,
    },
  ],
};

/**
 * Sends the file as the `file` part of a multipart/form-data body, read from disk as it goes out
 * (a CSV may be hundreds of megabytes), with its length known up front so Relay can refuse one
 * over FILE_UPLOAD_MAX_BYTES before it is sent.
 */
async function upload(values: Values, context: CommandContext): Promise<unknown> {
  const path = String(values.path);
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  if (!found.isFile()) throw new CliError(`Cannot read ${path}: it is not a file`);
  const api = await context.api();
  const boundary = `relay-${randomBytes(16).toString("hex")}`;
  const name = (typeof values.name === "string" ? values.name : basename(path)).replace(/["\r\n]/g, (char) => encodeURIComponent(char));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return api.upload({
    method: "POST",
    path: "/workspace/files",
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.length + found.size + tail.length,
    body: Readable.from(multipart(head, createReadStream(path), tail)),
  });
}

async function* multipart(head: Buffer, file: Readable, tail: Buffer) {
  yield head;
  yield* file;
  yield tail;
}
