import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callIntegration, type CallInit, type CallOptions } from "./http";
import { MAX_ANSWER_DEPTH, MAX_ERROR_MESSAGE_CHARS } from "./read-answer";
import { loopbackOutbound } from "./testing/outbound";
import { expectIntegrationError } from "./testing/test-server";

const callLocal = (url: string, init: CallInit, options: CallOptions = {}) => callIntegration(url, init, { outbound: loopbackOutbound, ...options });

// A real server on a loopback port that misbehaves in every way the client must survive.
let server: http.Server;
let base: string;
let limitedOnce = 0;
const arrivals: number[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const send = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    switch (req.url) {
      case "/ok":
        return send(200, JSON.stringify({ requestId: req.headers["x-request-id"] }));
      case "/slow":
        return setTimeout(() => send(200, "{}"), 2_000);
      case "/html":
        return send(200, "<html>hello</html>", "text/html");
      case "/error-message":
        return send(500, JSON.stringify({ errorMessage: "Upstream CRM is down" }));
      case "/error-bare":
        return send(503, "Service Unavailable", "text/plain");
      case "/429-once":
        arrivals.push(performance.now());
        if (limitedOnce++ === 0) {
          res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
          return res.end(JSON.stringify({ errorMessage: "Slow down" }));
        }
        return send(200, JSON.stringify({ ok: true }));
      case "/429-always":
        res.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
        return res.end(JSON.stringify({ errorMessage: "Quota exhausted for today" }));
      case "/huge":
        return send(200, JSON.stringify({ blob: "x".repeat(2048) }));
      case "/deep":
        return send(200, `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
      case "/error-long":
        return send(500, JSON.stringify({ errorMessage: `Upstream said ${"x".repeat(100_000)}` }));
      default:
        return send(404, "");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("callIntegration over real HTTP", () => {
  it("answers the parsed JSON and sends an X-Request-Id", async () => {
    const body = (await callLocal(`${base}/ok`, { method: "GET" })) as { requestId: string };
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports a refused connection as unreachable", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await expectIntegrationError(callLocal(`http://127.0.0.1:${port}/manifest`, { method: "GET" }));
    expect(error.kind).toBe("unreachable");
    expect(error.message).toContain("Could not reach");
  });

  it("gives up on a server slower than the timeout", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/slow`, { method: "GET" }, { timeoutMs: 200 }));
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("0.2 s");
  });

  it("rejects an answer that is not JSON", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/html`, { method: "GET" }));
    expect(error.kind).toBe("badResponse");
    expect(error.message).toContain("not JSON");
  });

  it("surfaces the server's errorMessage on a non-2xx answer", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/error-message`, { method: "POST", body: {} }));
    expect(error).toMatchObject({ kind: "errorResponse", status: 500, message: "Upstream CRM is down" });
  });

  it("refuses JSON nested past MAX_ANSWER_DEPTH by name, before anything walks it", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/deep`, { method: "POST", body: {} }));
    expect(error).toMatchObject({ kind: "badResponse", message: `The integration server's answer to POST /deep nests more than ${MAX_ANSWER_DEPTH} levels of arrays and objects` });
  });

  it("keeps the start of a long errorMessage only", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/error-long`, { method: "POST", body: {} }));
    expect(error).toMatchObject({ kind: "errorResponse", status: 500 });
    expect(error.message.startsWith("Upstream said xxx")).toBe(true);
    expect(error.message.length).toBeLessThan(MAX_ERROR_MESSAGE_CHARS + 50);
  });

  it("says which status came back when there is no errorMessage", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/error-bare`, { method: "GET" }));
    expect(error).toMatchObject({ kind: "errorResponse", status: 503 });
    expect(error.message).toContain("HTTP 503");
  });

  it("refuses an answer larger than the cap", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/huge`, { method: "GET" }, { maxBytes: 1024 }));
    expect(error.kind).toBe("badResponse");
    expect(error.message).toContain("larger than");
  });
});

describe("HTTP 429", () => {
  it("waits for Retry-After, then succeeds", async () => {
    const started = performance.now();
    expect(await callLocal(`${base}/429-once`, { method: "POST", body: {} })).toEqual({ ok: true });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(990);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("gives up after three retries with the server's message", async () => {
    let attempts = 0;
    const error = await expectIntegrationError(
      callLocal(`${base}/429-always`, { method: "GET" }, { beforeAttempt: async () => void attempts++ }),
    );
    expect(error).toMatchObject({ kind: "rateLimited", status: 429, message: "Quota exhausted for today" });
    expect(attempts).toBe(4);
  });

  it("tells onRateLimited of every 429, the last one given up on included, with its Retry-After", async () => {
    const waits: number[] = [];
    await expectIntegrationError(callLocal(`${base}/429-always`, { method: "GET" }, { rateLimitRetries: 2, onRateLimited: (ms) => waits.push(ms) }));
    expect(waits).toEqual([0, 0, 0]);
  });

  it("stops waiting when the caller aborts", async () => {
    const controller = new AbortController();
    const call = callLocal(`${base}/429-always`, { method: "GET" }, { signal: controller.signal, rateLimitRetries: 1 });
    controller.abort(new Error("cancelled"));
    await expect(call).rejects.toThrow("cancelled");
  });
});

describe("optional endpoints", () => {
  it.each([
    ["a 404", "/nowhere"],
    ["an answer that is not JSON", "/html"],
  ])("report %s as not supported", async (_name, path) => {
    const error = await expectIntegrationError(callLocal(`${base}${path}`, { method: "POST", body: {} }, { capability: "listing users" }));
    expect(error.kind).toBe("notSupported");
    expect(error.message).toBe("This integration does not support listing users");
  });

  it("still report a server error as a failure", async () => {
    const error = await expectIntegrationError(callLocal(`${base}/error-message`, { method: "POST" }, { capability: "listing users" }));
    expect(error.kind).toBe("errorResponse");
  });
});
