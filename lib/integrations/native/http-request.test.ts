import type http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { runHttpRequest as runHttpRequestWith, type HttpRequestOptions } from "./http-request";
import type { NativeActionError } from "./native-action-error";
import { loopbackOutbound } from "../testing/outbound";
import { startTestServer, type TestServer } from "../testing/test-server";

const runHttpRequest = (config: unknown, options: HttpRequestOptions = {}) => runHttpRequestWith(config, { outbound: loopbackOutbound, ...options });

const answer = (res: http.ServerResponse, status: number, type: string, text: string) => {
  res.writeHead(status, { "content-type": type, "x-trace": "t-1" });
  res.end(text);
};
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected an error"), (error: unknown) => error as NativeActionError);

describe("runHttpRequest", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it("returns status, headers and a JSON body parsed", async () => {
    server = await startTestServer((_request, res) => answer(res, 200, "application/json; charset=utf-8", '{"items":[1,2]}'));
    const output = await runHttpRequest({ method: "GET", url: `${server.url}/items?page=2` });
    expect(output).toMatchObject({ status: 200, body: { items: [1, 2] }, headers: { "content-type": "application/json; charset=utf-8", "x-trace": "t-1" } });
    expect(server.seen[0]).toMatchObject({ method: "GET", path: "/items?page=2", text: "" });
  });

  it("sends an object body as JSON with its content type, and the headers given", async () => {
    server = await startTestServer((_request, res) => answer(res, 201, "application/problem+json", '{"created":true}'));
    const output = await runHttpRequest({ method: "POST", url: server.url, headers: { "X-Api-Key": "k", "X-Count": 3 as unknown as string }, body: { name: "Ada" } });
    expect(output).toMatchObject({ status: 201, body: { created: true } });
    const [request] = server.seen;
    expect(request!.text).toBe('{"name":"Ada"}');
    expect(request!.headers).toMatchObject({ "content-type": "application/json", "x-api-key": "k", "x-count": "3" });
  });

  it("sends a text body as is, under the content type the headers name", async () => {
    server = await startTestServer((_request, res) => answer(res, 200, "text/plain", "ok"));
    const output = await runHttpRequest({ method: "PUT", url: server.url, headers: { "Content-Type": "text/csv" }, body: "a,b\n1,2" });
    expect(output.body).toBe("ok");
    expect(server.seen[0]).toMatchObject({ method: "PUT", text: "a,b\n1,2", headers: { "content-type": "text/csv" } });
  });

  it("keeps a non-JSON body, or JSON that does not parse, as text", async () => {
    server = await startTestServer((request, res) =>
      request.path === "/html" ? answer(res, 200, "text/html", "<p>hi</p>") : answer(res, 200, "application/json", "{broken"),
    );
    expect((await runHttpRequest({ method: "GET", url: `${server.url}/html` })).body).toBe("<p>hi</p>");
    expect((await runHttpRequest({ method: "GET", url: `${server.url}/broken` })).body).toBe("{broken");
  });

  it("a 4xx or 5xx answer is an output, not an error", async () => {
    server = await startTestServer((_request, res) => answer(res, 404, "application/json", '{"error":"not found"}'));
    expect(await runHttpRequest({ method: "DELETE", url: server.url })).toMatchObject({ status: 404, body: { error: "not found" } });
  });

  it("a server that cannot be reached is a retryable unreachable error with a readable message", async () => {
    const closed = await startTestServer(() => {});
    await closed.close();
    const error = await failure(runHttpRequest({ method: "GET", url: `${closed.url}/x` }));
    expect(error).toMatchObject({ kind: "unreachable", retryable: true, message: `Could not reach ${closed.url}: ECONNREFUSED` });
  });

  it("a server slower than the timeout is a timeout error", async () => {
    server = await startTestServer(() => {});
    const error = await failure(runHttpRequest({ method: "GET", url: server.url }, { timeoutMs: 100 }));
    expect(error).toMatchObject({ kind: "timeout", message: `${server.url} did not answer within 0.1 s` });
  });

  it("an answer over the size cap is refused", async () => {
    server = await startTestServer((_request, res) => answer(res, 200, "text/plain", "x".repeat(2_000)));
    const error = await failure(runHttpRequest({ method: "GET", url: server.url }, { maxBytes: 1_000 }));
    expect(error.kind).toBe("badResponse");
  });

  it("a cancelled request rejects with the signal's reason", async () => {
    server = await startTestServer(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("run cancelled")), 50);
    await expect(runHttpRequest({ method: "GET", url: server.url }, { signal: controller.signal })).rejects.toThrow("run cancelled");
  });

  it.each([
    [{ method: "GET" }, /^Invalid HTTP request: url: /],
    [{ method: "GET", url: "not a url" }, 'Invalid HTTP request: "not a url" is not a URL'],
    [{ method: "GET", url: "file:///etc/passwd" }, "Invalid HTTP request: only http and https URLs are supported, not file:"],
    [{ method: "GET", url: "http://127.0.0.1:9/x", body: { a: 1 } }, "Invalid HTTP request: a GET request cannot have a body"],
    [{ method: "TRACE", url: "http://127.0.0.1:9/x" }, /^Invalid HTTP request: method: /],
  ])("refuses the config %j before any request", async (config, message) => {
    const error = await failure(runHttpRequest(config));
    expect(error).toMatchObject({ kind: "invalidInputs", retryable: false });
    expect(error.message).toMatch(message);
  });
});
