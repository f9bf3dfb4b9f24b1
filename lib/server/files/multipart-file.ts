import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../errors";

/** What is read and dropped of a request after its file, so the connection can serve the next one; past it the connection is closed. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

/** The file a multipart/form-data request carries, its bytes read as they arrive. */
export interface FilePart {
  /** As the client named it; empty when it did not. */
  filename: string;
  bytes: Readable;
  /** Stops parsing the request: the rest of it (parts after the file, or a file refused) is read and dropped. */
  close(): void;
}

/**
 * The file in a multipart/form-data request's `field`, once its part starts (the body is not
 * buffered: the caller reads `bytes` as they arrive). 400 when the body is not multipart or has
 * no file in that field.
 */
export function receiveFilePart(request: Request, field: string): Promise<FilePart> {
  const contentType = request.headers.get("content-type") ?? "";
  const noFile = () => new AppError("bad_request:file", `No file: send the CSV as multipart/form-data, in a field named "${field}"`);
  if (!request.body || !/^multipart\/form-data\b/i.test(contentType)) return Promise.reject(noFile());
  let parser: busboy.Busboy;
  try {
    // Browsers send a file name as UTF-8 bytes, not the Latin-1 busboy assumes by default.
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: 4, fields: 20, fieldSize: 64 * 1024, headerPairs: 20 } });
  } catch (error) {
    return Promise.reject(new AppError("bad_request:file", `The multipart body cannot be read: ${(error as Error).message}`));
  }
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    discardRest(body, parser);
  };
  return new Promise<FilePart>((resolve, reject) => {
    let received = false;
    const refuse = (error: Error) => {
      close();
      reject(new AppError("bad_request:file", `The multipart body cannot be read: ${error.message}`));
    };
    parser.on("file", (name, bytes, info) => {
      if (name !== field || received) {
        bytes.on("error", () => undefined);
        return void bytes.resume();
      }
      received = true;
      // The reader sees a broken body as an error of `bytes`; one that comes after the reader has
      // let go (busboy destroys the file stream once more at the end) must not crash the process.
      bytes.on("error", () => undefined);
      resolve({ filename: info.filename ?? "", bytes, close });
    });
    parser.on("close", () => reject(noFile()));
    // Once the file part has started, a broken body reaches its reader as an error of `bytes`.
    parser.on("error", refuse);
    body.on("error", (error) => parser.destroy(error));
    body.pipe(parser);
  });
}

/**
 * Leaves the parser and reads the rest of the body into nothing. Cancelling the body instead
 * would leave the server's copy of it paused half-read, and the client's next request on the
 * same connection would be cut off.
 */
function discardRest(body: Readable, parser: busboy.Busboy): void {
  if (body.destroyed || body.readableEnded) return;
  body.unpipe(parser);
  if (!parser.destroyed) parser.destroy();
  let discarded = 0;
  body.on("data", (chunk: Uint8Array) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) body.destroy();
  });
  body.resume();
}
