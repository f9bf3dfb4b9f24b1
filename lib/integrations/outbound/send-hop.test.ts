import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCapped } from "../read-answer";
import { BufferedResponse } from "./buffered-response";
import { createOutboundFetch } from "./outbound-fetch";

/** A loopback server whose answers the tests pick by path; it records each request's headers. */
let server: http.Server;
let base: string;
const seen: Array<http.IncomingHttpHeaders & { method?: string }> = [];
let hugeClosed: Promise<void> | undefined;
const BIG = "x".repeat(3 * 1024 * 1024);

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push({ ...request.headers, method: request.method });
    request.resume();
    if (request.url === "/huge") {
      // Declares 6 MB, sends a little, then waits: only the client closing ends it.
      hugeClosed = new Promise((resolve) => response.socket!.once("close", () => resolve()));
      response.writeHead(200, { "content-type": "text/plain", "content-length": String(6 * 1024 * 1024) });
      response.write("x".repeat(64 * 1024));
    } else if (request.url === "/latin1") {
      response.socket!.write("HTTP/1.1 200 \xe9t\xe9\r\ncontent-length: 2\r\n\r\nok", "latin1");
      response.socket!.end();
    } else if (request.url === "/gzip") {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(zlib.gzipSync(JSON.stringify({ packed: true })));
    } else if (request.url === "/big") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(BIG);
    } else if (request.url === "/sized") {
      response.writeHead(200, { "content-type": "text/plain", "content-length": "5", "set-cookie": ["a=1", "b=2"] });
      response.end("sized");
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

  it("upper-cases the methods fetch upper-cases", async () => {
    await (await outbound()(`${base}/plain`, { method: "post", body: "x" })).text();
    expect(seen.at(-1)!.method).toBe("POST");
  });

  it("gives up a body refused by its declared size, so its connection closes", async () => {
    const response = await outbound()(`${base}/huge`);
    await expect(readCapped(response, 5 * 1024 * 1024)).rejects.toThrow();
    await expect(Promise.race([hugeClosed, new Promise((_, reject) => setTimeout(() => reject(new Error("still open")), 2000))])).resolves.toBeUndefined();
  });

  it("answers a reason phrase a Response cannot carry without it", async () => {
    const response = await outbound()(`${base}/latin1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
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

describe("a small answer kept in memory (BufferedResponse)", () => {
  const outbound = () => createOutboundFetch({ allowlist: "127.0.0.1" });

  it("is what a small answer comes as, read from memory with the status and headers of the answer", async () => {
    const response = await outbound()(`${base}/sized`);
    expect(response).toBeInstanceOf(BufferedResponse);
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await readCapped(response, 1024)).toBe("sized");
    expect(response.bodyUsed).toBe(true);
  });
});
