import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRelay, runCli, type FakeRelay, type Handler } from "../testing/fake-relay";

const CSV = ["id,who", ...Array.from({ length: 5 }, (_, index) => `${index},Person ${index}`)].join("\n");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let relay: FakeRelay | undefined;
let folder: string;
beforeEach(async () => (folder = await mkdtemp(join(tmpdir(), "relay-cli-download-"))));
afterEach(async () => {
  relay?.close();
  vi.unstubAllEnvs();
  await rm(folder, { recursive: true, force: true });
});

async function download(handler: Handler, output: string) {
  relay = await fakeRelay({ "GET /orchestration/batches/b1/download": handler });
  return runCli(["orchestration", "batch", "download", "b1", "--output", output], { RELAY_TOKEN: "relay_test", RELAY_BASE_URL: relay.baseUrl });
}

describe("batch download --output", () => {
  it("lets a CSV stream for longer than RELAY_TIMEOUT_MS once its headers are in", async () => {
    vi.stubEnv("RELAY_TIMEOUT_MS", "200");
    const output = join(folder, "results.csv");
    const result = await download(async (response) => {
      response.writeHead(200, { "content-type": "text/csv" });
      for (const line of CSV.split("\n")) {
        response.write(`${line}\n`);
        await pause(100);
      }
      response.end();
    }, output);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ file: output, bytes: CSV.length + 1 });
    expect(await readFile(output, "utf8")).toBe(`${CSV}\n`);
  });

  it("leaves no half file when the download is cut off, and an older file as it was", async () => {
    const output = join(folder, "results.csv");
    await writeFile(output, "yesterday's results\n");
    const result = await download((response) => {
      response.writeHead(200, { "content-type": "text/csv", "content-length": "100000" });
      response.write("id,who\n0,Person 0\n", () => response.destroy());
    }, output);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(JSON.parse(result.stderr).errorMessage).toMatch(new RegExp(`^Downloading batch b1 into ${output} failed, so it was not written: `));
    expect(await readFile(output, "utf8")).toBe("yesterday's results\n");
    expect(await readdir(folder)).toEqual(["results.csv"]);
  });
});
