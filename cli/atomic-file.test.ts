import { execFileSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { writeFileAtomically } from "./atomic-file";

describe("writeFileAtomically", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const scratch = async () => {
    const dir = await mkdtemp(join(tmpdir(), "relay-atomic-"));
    dirs.push(dir);
    return dir;
  };

  it("replaces a file whole and leaves no temporary file beside it", async () => {
    const dir = await scratch();
    const path = join(dir, "results.csv");
    await writeFile(path, "old");
    await writeFileAtomically(path, Readable.from(["a,b\n", "1,2\n"]));
    expect(await readFile(path, "utf8")).toBe("a,b\n1,2\n");
    expect(await readdir(dir)).toEqual(["results.csv"]);
  });

  it("keeps the old file when the stream breaks off", async () => {
    const dir = await scratch();
    const path = join(dir, "results.csv");
    await writeFile(path, "old");
    const broken = new Readable({ read() { this.destroy(new Error("connection reset")); } });
    await expect(writeFileAtomically(path, broken)).rejects.toThrow("connection reset");
    expect(await readFile(path, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["results.csv"]);
  });

  it("writes into a pipe as it is, not over it (a shell's >(gzip > x.gz), /dev/stdout)", async () => {
    const dir = await scratch();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const read = new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      createReadStream(fifo).on("data", (chunk) => chunks.push(chunk as Buffer)).on("end", () => resolve(Buffer.concat(chunks).toString()));
    });
    await writeFileAtomically(fifo, Readable.from(["a,b\n"]));
    expect(await read).toBe("a,b\n");
    expect(await readdir(dir)).toEqual(["pipe"]);
  });
});
