import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeRelay, json, readBody, runCli, type FakeRelay } from "../testing/fake-relay";

const CSV = "id,name,country\n1,Ada,FR\n2,Bob,US\n";
const ANSWER = { file: { uuid: "f1", name: "people.csv", columns: ["id", "name", "country"], rowsCount: 2 } };

let relay: FakeRelay;
let folder: string;
let received: { headers: IncomingHttpHeaders; body: string }[];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "relay-cli-upload-"));
  received = [];
  relay = await fakeRelay({
    "POST /workspace/files": async (response, _calls, request) => {
      received.push({ headers: request.headers, body: await readBody(request) });
      json(response, 200, ANSWER);
    },
  });
});
afterEach(async () => {
  relay.close();
  await rm(folder, { recursive: true, force: true });
});

const upload = (...argv: string[]) => runCli(["storage", "file", "upload", ...argv], { RELAY_TOKEN: "relay_test", RELAY_BASE_URL: relay.baseUrl });

/** The parts of a multipart/form-data body: each one's headers (lower-cased names) and content. */
function parts(contentType: string | undefined, body: string) {
  const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType ?? "")?.[1];
  expect(boundary, contentType).toBeDefined();
  expect(body.endsWith(`--${boundary}--\r\n`)).toBe(true);
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head, ...content] = part.replace(/^\r\n/, "").replace(/\r\n$/, "").split("\r\n\r\n");
      const headers = Object.fromEntries(head!.split("\r\n").map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      return { headers, content: content.join("\r\n\r\n") };
    });
}

describe("storage file upload", () => {
  it("sends the CSV as the `file` part of a multipart body of a known length, and prints the API's answer", async () => {
    const path = join(folder, "people.csv");
    await writeFile(path, CSV);
    const result = await upload(path);
    expect(result).toEqual({ code: 0, stdout: `${JSON.stringify(ANSWER, null, 2)}\n`, stderr: "" });
    const [{ headers, body }] = received as [(typeof received)[number]];
    expect(headers.authorization).toBe("Bearer relay_test");
    expect(Number(headers["content-length"])).toBe(Buffer.byteLength(body));
    expect(parts(headers["content-type"], body)).toEqual([
      { headers: { "content-disposition": 'form-data; name="file"; filename="people.csv"', "content-type": "text/csv" }, content: CSV },
    ]);
  });

  it("names the file --name when given", async () => {
    const path = join(folder, "export-2026-03.csv");
    await writeFile(path, CSV);
    expect((await upload(path, "--name", "Leads.csv")).code).toBe(0);
    expect(parts(received[0]!.headers["content-type"], received[0]!.body)[0]!.headers["content-disposition"]).toBe('form-data; name="file"; filename="Leads.csv"');
  });

  it("reads the file as it sends it: a 3 GiB file is refused after its first megabyte, without being read whole", async () => {
    relay.close();
    relay = await fakeRelay({
      "POST /workspace/files": (response, _calls, request) => {
        let received = 0;
        request.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received < 1024 * 1024 || response.headersSent) return;
          request.pause();
          json(response, 413, { errorMessage: "The file is over FILE_UPLOAD_MAX_BYTES" });
        });
      },
    });
    const path = join(folder, "huge.csv");
    // Sparse: 3 GiB that take no disk, more than a Buffer (readFile) can hold.
    await truncate((await writeFile(path, "id\n"), path), 3 * 1024 ** 3);
    const result = await upload(path);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(JSON.parse(result.stderr)).toEqual({ errorMessage: "The file is over FILE_UPLOAD_MAX_BYTES", status: 413 });
  });

  it("refuses a path that is missing or a folder, before asking the API", async () => {
    const missing = await upload(join(folder, "missing.csv"));
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(JSON.parse(missing.stderr)).toEqual({ errorMessage: `Cannot read ${join(folder, "missing.csv")}: no such file` });
    expect(JSON.parse((await upload(folder)).stderr)).toEqual({ errorMessage: `Cannot read ${folder}: it is not a file` });
    expect(relay.requests).toEqual([]);
  });
});
