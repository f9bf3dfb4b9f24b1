import { randomBytes } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Writes `path` through a temporary file in the same folder, renamed over it once complete, so a
 * reader never sees half a file and a failure (a download cut off, a full disk) leaves whatever was
 * there before; the temporary file is removed. It is created exclusively (`wx`) under a random
 * name: a file or symlink planted at a guessable name is never written through, and `mode` (masked
 * by the umask, which can only remove bits) holds from the first byte. A target that exists and is
 * not a regular file (`/dev/stdout`, a FIFO, a shell's `>(gzip > x.gz)`) is written to directly:
 * renaming over it would replace the device or pipe with a file.
 *
 * @example await writeFileAtomically("results.csv", Readable.fromWeb(response.body))
 * @example await writeFileAtomically(configPath, json, 0o600)
 */
export async function writeFileAtomically(path: string, content: string | Readable, mode = 0o666): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isFile()) {
    if (typeof content === "string") await writeFile(path, content);
    else await pipeline(content, createWriteStream(path));
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString("hex")}.tmp`);
  let stream: WriteStream | undefined;
  try {
    if (typeof content === "string") await writeFile(temporary, content, { flag: "wx", mode });
    else await pipeline(content, (stream = createWriteStream(temporary, { flags: "wx", mode })));
    await rename(temporary, path);
  } catch (error) {
    // A source that fails at once can end the pipeline while the file is still being opened:
    // removed before the open is done, it would be created after.
    if (stream && !stream.closed) await new Promise<void>((resolve) => stream!.once("close", () => resolve()));
    // EEXIST: the name was someone else's file, not ours to remove.
    if ((error as { code?: unknown }).code !== "EEXIST") await rm(temporary, { force: true });
    throw error;
  }
}
