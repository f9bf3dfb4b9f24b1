import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceFile } from "@/lib/contract";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { ensureSetupCode } from "../auth/setup-code";
import { getDeps, stopDeps, type Deps } from "../deps";
import { createApiApp } from "../http/api-app";
import { readFileRecords } from "./read-file";

/** Low, so a 1 MB upload shows the upload route is not held to it while other routes are. */
const MAX_BODY_BYTES = 256 * 1024;

let storage: TestStorage;
let server: http.Server;
let origin: string;
let deps: Deps;
let ownerCookie: string;
let token: string;
let workspaceUuid: string;

const api = (route: string, init: RequestInit = {}) => fetch(`${origin}/api/v1${route}`, init);
const postJson = (route: string, body: unknown, cookie?: string) =>
  api(route, { method: "POST", headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
const filesDir = () => path.join(storage.dataDir, "files");
const storedNames = () => (fs.existsSync(filesDir()) ? fs.readdirSync(filesDir()).sort() : []);

function csvForm(csv: string, filename = "people.csv"): FormData {
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), filename);
  return form;
}

function upload(body: BodyInit, headers: Record<string, string> = { authorization: `Bearer ${token}` }) {
  return api("/workspace/files", { method: "POST", body, headers });
}

/**
 * A multipart body made as it is sent (no Content-Length, so only the bytes read can stop it),
 * the CSV's text coming from `lines` in batches.
 */
function streamedUpload(lines: Iterable<string>, filename = "big.csv") {
  const boundary = `relay-${randomUUID()}`;
  const encoder = new TextEncoder();
  function* pieces() {
    yield `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
    let batch = "";
    for (const line of lines) {
      batch += line;
      if (batch.length >= 64 * 1024) {
        yield batch;
        batch = "";
      }
    }
    yield `${batch}\r\n--${boundary}--\r\n`;
  }
  const iterator = pieces();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const { value, done } = iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
  });
  return api("/workspace/files", {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
}

async function uploaded(response: Response): Promise<WorkspaceFile> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.file;
}

async function recordsOf(fileUuid: string): Promise<Record<string, unknown>[]> {
  const records = [];
  for await (const record of readFileRecords(deps, workspaceUuid, fileUuid)) records.push(record);
  return records;
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  storage = await createTestStorage("files-");
  vi.stubEnv("DATA_DIR", storage.dataDir);
  vi.stubEnv("DATABASE_URL", storage.databaseUrl ?? "");
  vi.stubEnv("DEMO_INTEGRATION_URL", "");
  vi.stubEnv("MAX_BODY_BYTES", String(MAX_BODY_BYTES));
  deps = await getDeps();
  server = http.createServer(getRequestListener(createApiApp().fetch, { overrideGlobalObjects: false }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const setup = await postJson("/setup", { code: ensureSetupCode(storage.dataDir), email: "o@relay.test", password: "owner password 1", name: "O", workspaceName: "W" });
  expect(setup.status).toBe(201);
  ownerCookie = cookieOf(setup);
  const created = await postJson("/apiTokens", { name: "uploads" }, ownerCookie);
  token = (await created.json()).token;
  workspaceUuid = (await (await api("/whoami", { headers: { cookie: ownerCookie } })).json()).workspace.uuid;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stopDeps();
  await storage?.cleanup();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

// Line 1 the header (a BOM before it, a repeated and an empty name), CRLF throughout; line 5 is
// blank; line 6 is one cell short; line 11 opens a quote it never closes.
const PEOPLE_CSV = [
  "\uFEFFName,Amount,Active,Signed up,Notes,,Name",
  '"Smith, Ann",12.5,true,2024-01-31,"line one\r\nline two",x,a',
  "Bob,7,FALSE,2024-02-01T10:00:00Z,plain,y,b",
  "",
  "Carl,3",
  '"Dee ""D""",-4,true,2024-03-01,"multi\r\nline\r\nnote",z,c',
  "Eve,1e3,false,,,w,d",
  'Fay,"bad"quote,true,2024-01-01,n,v,e',
  "",
].join("\r\n");

describe("POST /api/v1/workspace/files", () => {
  it("stores the CSV as sent and answers its columns (slugged, typed), good rows and bad rows by line", async () => {
    const file = await uploaded(await upload(csvForm(PEOPLE_CSV)));
    expect(file).toMatchObject({ name: "people.csv", size: Buffer.byteLength(PEOPLE_CSV), rowsCount: 4, rowErrorsCount: 2 });
    expect(file.columns).toEqual([
      { slug: "name", label: "Name", type: "string" },
      { slug: "amount", label: "Amount", type: "number" },
      { slug: "active", label: "Active", type: "boolean" },
      { slug: "signed_up", label: "Signed up", type: "date" },
      { slug: "notes", label: "Notes", type: "string" },
      { slug: "column_6", label: "Column 6", type: "string" },
      { slug: "name_2", label: "Name", type: "string" },
    ]);
    expect(file.rowErrors).toEqual([
      { line: 6, message: "Expected 7 cells (one per column), found 2" },
      { line: 11, message: expect.stringContaining("never closed") },
    ]);
    expect(fs.readFileSync(path.join(filesDir(), `${file.uuid}.csv`), "utf8")).toBe(PEOPLE_CSV);
    const { storedName, ...saved } = (await deps.db.files.get(workspaceUuid, file.uuid))!;
    expect(saved).toEqual(file);
    expect(storedName).toBe(`${file.uuid}.csv`);
  });

  it("readFileRecords streams the good rows back, typed by column, the bad ones skipped", async () => {
    const file = await uploaded(await upload(csvForm(PEOPLE_CSV)));
    expect(await recordsOf(file.uuid)).toEqual([
      { name: "Smith, Ann", amount: 12.5, active: true, signed_up: "2024-01-31", notes: "line one\r\nline two", column_6: "x", name_2: "a" },
      { name: "Bob", amount: 7, active: false, signed_up: "2024-02-01T10:00:00Z", notes: "plain", column_6: "y", name_2: "b" },
      { name: 'Dee "D"', amount: -4, active: true, signed_up: "2024-03-01", notes: "multi\r\nline\r\nnote", column_6: "z", name_2: "c" },
      { name: "Eve", amount: 1000, active: false, signed_up: null, notes: null, column_6: "w", name_2: "d" },
    ]);
    await expect(recordsOf(randomUUID())).rejects.toMatchObject({ status: 404 });
  });

  it("infers types from the first 1,000 rows; a later cell that does not fit is a bad row, not a wrong value", async () => {
    const lines = ["id,score,code"];
    for (let i = 1; i <= 1000; i++) lines.push(`${i},${i / 2},00${i}`);
    lines.push("1001,n/a,x", "1002,7,y");
    const file = await uploaded(await upload(csvForm(lines.join("\n"))));
    expect(file.columns.map(({ slug, type }) => [slug, type])).toEqual([["id", "number"], ["score", "number"], ["code", "string"]]);
    expect(file.rowsCount).toBe(1001);
    expect(file.rowErrors).toEqual([{ line: 1002, message: expect.stringMatching(/^Column "score": "n\/a" is not a number/) }]);
    const records = await recordsOf(file.uuid);
    expect(records).toHaveLength(1001);
    expect(records.at(-1)).toEqual({ id: 1002, score: 7, code: "y" });
    expect(records.find((record) => record.id === 1001)).toBeUndefined();
  });

  it("refuses without a session or API token (401), and writes nothing", async () => {
    const before = storedNames();
    const response = await upload(csvForm(PEOPLE_CSV), {});
    expect(response.status).toBe(401);
    expect(storedNames()).toEqual(before);
  });

  it("takes an upload from a member signed in on the app's pages, not one a page elsewhere or no page sent", async () => {
    const invited = await postJson("/workspace/invitations", { role: "member" }, ownerCookie);
    const code = new URL((await invited.json()).url).searchParams.get("code");
    const accepted = await postJson("/invitations/accept", { code, account: { email: "m@relay.test", password: "member password 1", name: "M" } });
    expect(accepted.status).toBe(201);
    const member = cookieOf(accepted);

    expect((await upload(csvForm("a,b\n1,2\n"), { cookie: member, origin, "sec-fetch-site": "same-origin" })).status).toBe(200);
    const elsewhere = await upload(csvForm("a,b\n1,2\n"), { cookie: member, origin: "https://attacker.example", "sec-fetch-site": "cross-site" });
    expect(elsewhere.status).toBe(403);
    expect((await upload(csvForm("a,b\n1,2\n"), { cookie: member })).status).toBe(403);
  });

  const fieldOnly = () => {
    const form = new FormData();
    form.append("name", "people.csv");
    return form;
  };

  it.each([
    ["no file field", fieldOnly, /No file/],
    ["a JSON body", () => JSON.stringify({ file: "a,b" }), /No file/],
    ["an empty file", () => csvForm(""), /The file is empty/],
    ["blank lines only", () => csvForm("\r\n\r\n"), /no header row/],
    ["more than 500 columns", () => csvForm(`${Array.from({ length: 501 }, (_, i) => `c${i}`).join(",")}\n`), /at most 500/],
  ])("refuses %s (400), and keeps nothing", async (_, body, message) => {
    const before = storedNames();
    const form = body();
    const response = await upload(form, { authorization: `Bearer ${token}`, ...(typeof form === "string" ? { "content-type": "application/json" } : {}) });
    expect(response.status).toBe(400);
    expect((await response.json()).errorMessage).toMatch(message);
    expect(storedNames()).toEqual(before);
  });

  it("takes a body over MAX_BODY_BYTES on this route only", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},row ${i}\n`).join("");
    const big = `id,label\n${rows}`;
    expect(big.length).toBeGreaterThan(MAX_BODY_BYTES * 2);
    expect((await uploaded(await upload(csvForm(big)))).rowsCount).toBe(40_000);

    const elsewhere = await api("/orchestration/workflows", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(elsewhere.status).toBe(413);
  });

  describe("over FILE_UPLOAD_MAX_BYTES", () => {
    const cap = 100_000;
    beforeAll(() => {
      deps.settings.fileUploadMaxBytes = cap;
    });
    afterAll(() => {
      deps.settings.fileUploadMaxBytes = undefined;
    });

    it("stops reading at the cap (413) and deletes what it had written", async () => {
      const before = storedNames();
      const lines = (function* () {
        yield "id,label\n";
        for (let i = 0; i < 20_000; i++) yield `${i},row number ${i}\n`;
      })();
      const response = await streamedUpload(lines);
      expect(response.status).toBe(413);
      expect((await response.json()).errorMessage).toContain("upload limit");
      expect(storedNames()).toEqual(before);
    });

    it("refuses a body declared over the cap before reading it (413)", async () => {
      const response = await upload(csvForm(`id\n${"1\n".repeat(cap)}`));
      expect(response.status).toBe(413);
      expect((await response.json()).errorMessage).toMatch(/^The request body is over/);
    });
  });

  it("answers 400 for an upload that breaks off before its closing boundary, and keeps nothing", async () => {
    const before = storedNames();
    const body = `--cut\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\nContent-Type: text/csv\r\n\r\nid,name\n1,Ada\n`;
    const response = await upload(body, { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=cut" });
    expect(response.status).toBe(400);
    expect((await response.json()).errorMessage).toMatch(/broke off/);
    expect(storedNames()).toEqual(before);
  });

  it("round-trips 100,000 rows, streamed both ways", async () => {
    const lines = (function* () {
      yield "id,email,score,joined\r\n";
      for (let i = 1; i <= 100_000; i++) yield `${i},user${i}@relay.test,${i % 97}.5,2024-01-${String((i % 28) + 1).padStart(2, "0")}\r\n`;
    })();
    const file = await uploaded(await streamedUpload(lines));
    expect(file).toMatchObject({ rowsCount: 100_000, rowErrorsCount: 0 });
    expect(file.columns.map((column) => column.type)).toEqual(["number", "string", "number", "date"]);
    let count = 0;
    let last: Record<string, unknown> | undefined;
    for await (const record of readFileRecords(deps, workspaceUuid, file.uuid)) {
      count++;
      last = record;
    }
    expect(count).toBe(100_000);
    expect(last).toEqual({ id: 100_000, email: "user100000@relay.test", score: 90.5, joined: "2024-01-13" });
  });
});
