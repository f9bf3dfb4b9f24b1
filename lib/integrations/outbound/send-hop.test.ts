import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboundFetch } from "./outbound-fetch";

/** A loopback server whose answers the tests pick by path; it records each request's headers. */
let server: http.Server;
let base: string;
const seen: http.IncomingHttpHeaders[] = [];
const BIG = "x".repeat(3 * 1024 * 1024);

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers);
    request.resume();
    if (request.url === "/gzip") {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(zlib.gzipSync(JSON.stringify({ packed: true })));
    } else if (request.url === "/big") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(BIG);
    } else if (request.url === "/empty") {
      response.writeHead(204).end();
    } else {
      response.writeHead(200, { "content-type": "text/plain", "set-cookie": ["a=1", "b=2"] });
      response.end("plain");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("outbound calls answered as fetch would", () => {
  const outbound = () => createOutboundFetch({ allowlist: "127.0.0.1" });

  it("sends fetch's default headers and a text body's content type, and keeps repeated response headers", async () => {
    const response = await outbound()(`${base}/plain`, { method: "POST", body: "hello" });
    expect(await response.text()).toBe("plain");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(seen.at(-1)).toMatchObject({
      accept: "*/*",
      "accept-encoding": "gzip, deflate",
      "user-agent": "node",
      "content-type": "text/plain;charset=UTF-8",
      "content-length": "5",
    });
  });

  it("decodes a gzip body", async () => {
    const response = await outbound()(`${base}/gzip`);
    expect(await response.json()).toEqual({ packed: true });
  });

  it("streams a body past the buffered size, and a reader may stop early without an error thrown elsewhere", async () => {
    const whole = await outbound()(`${base}/big`);
    expect((await whole.text()).length).toBe(BIG.length);
    const partial = await outbound()(`${base}/big`);
    const reader = partial.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it("answers a 204 with no body", async () => {
    const empty = await outbound()(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    controller.abort(new DOMException("stop", "TimeoutError"));
    await expect(outbound()(`${base}/plain`, { signal: controller.signal })).rejects.toMatchObject({ name: "TimeoutError" });
  });
});
