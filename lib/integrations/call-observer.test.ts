import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallObserver, ObservedCall } from "./call-observer";
import { createIntegrationClient } from "./client";
import { callIntegration, type CallOptions } from "./http";
import { createRateLimiter } from "./rate-limiter";
import { loopbackOutbound } from "./testing/outbound";
import { expectIntegrationError, reply, startTestServer, type TestServer } from "./testing/test-server";

let server: TestServer;
let limitedOnce = 0;

beforeAll(async () => {
  server = await startTestServer((request, res) => {
    if (request.path === "/echo") return reply(res, 201, { got: request.body });
    if (request.path === "/slow") return void setTimeout(() => reply(res, 200, {}), 1_000);
    if (request.path === "/429-once") return limitedOnce++ === 0 ? reply(res, 429, { errorMessage: "Slow down" }, { "retry-after": "0" }) : reply(res, 200, {});
    return reply(res, 404, "");
  });
});
afterAll(() => server.close());

/** What `callIntegration` is told to report: the call as an autocomplete of the contract. */
const observing = (onCall: CallObserver) => ({ onCall, operation: "autocomplete" as const, endpoint: "/autocompletes/x" });

/** Calls the test server and returns what the observer was told. */
async function observe(path: string, options: CallOptions = {}, body: unknown = { hello: "world" }) {
  const calls: ObservedCall[] = [];
  const outcome = await callIntegration(`${server.url}${path}`, { method: "POST", body }, { outbound: loopbackOutbound, observe: observing((call) => calls.push(call)), ...options }).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { calls, outcome };
}

describe("the call observer (request inspector)", () => {
  it("is told each call as it went: URL, headers with the request id the server got, both bodies, status and duration", async () => {
    const before = Date.now();
    const { calls } = await observe("/echo");
    expect(calls).toHaveLength(1);
    const [call] = calls;
    const seen = server.seen.at(-1)!;
    expect(call).toMatchObject({
      operation: "autocomplete",
      endpoint: "/autocompletes/x",
      method: "POST",
      url: `${server.url}/echo`,
      requestId: seen.headers["x-request-id"],
      requestBody: '{"hello":"world"}',
      requestBytes: 17,
      status: 201,
      errorKind: null,
      responseBody: '{"got":{"hello":"world"}}',
      responseBytes: 25,
    });
    expect(call!.requestHeaders).toMatchObject({ accept: "application/json", "content-type": "application/json", "x-request-id": seen.headers["x-request-id"] });
    expect(call!.startedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(call!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("is told every attempt: a 429 and its retry share one request id", async () => {
    const { calls } = await observe("/429-once");
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect(calls[0]!.requestId).toBe(calls[1]!.requestId);
  });

  it("is told of calls that got no answer, with the error's kind", async () => {
    const timedOut = await observe("/slow", { timeoutMs: 100 });
    expect(timedOut.calls[0]).toMatchObject({ status: null, errorKind: "timeout", responseBody: null });
    const refused: ObservedCall[] = [];
    await expectIntegrationError(callIntegration("http://127.0.0.1:1/manifest", { method: "GET" }, { outbound: loopbackOutbound, observe: observing((call) => refused.push(call)) }));
    expect(refused).toMatchObject([{ method: "GET", status: null, errorKind: "unreachable", requestBody: null, responseBody: null }]);
    const controller = new AbortController();
    const cancelled: ObservedCall[] = [];
    const pending = callIntegration(`${server.url}/slow`, { method: "GET" }, { outbound: loopbackOutbound, signal: controller.signal, observe: observing((call) => cancelled.push(call)) });
    setTimeout(() => controller.abort(new Error("the page went away")), 50);
    await expect(pending).rejects.toThrow("the page went away");
    expect(cancelled[0]).toMatchObject({ errorKind: "cancelled", status: null });
  });

  it("never fails a call: an observer that throws is ignored", async () => {
    const throwing = () => {
      throw new Error("the inspector broke");
    };
    const { outcome } = await observe("/echo", { observe: observing(throwing) });
    expect(outcome).toEqual({ value: { got: { hello: "world" } } });
    // A failing call still fails with its own error, not the observer's.
    const error = await expectIntegrationError(callIntegration(`${server.url}/missing`, { method: "GET" }, { outbound: loopbackOutbound, observe: observing(throwing) }));
    expect(error.kind).toBe("errorResponse");
  });

  it("reaches the client's observer with the operation, its contract path and the connector each call was made for", async () => {
    const seen: Array<{ url: string; operation: string; endpoint: string; connector?: string; scope?: string }> = [];
    // A base URL written otherwise than the URL it makes (scheme case, a path prefix): the
    // endpoint is the contract path all the same, and the OAuth exchange says what it is.
    const baseUrl = `${server.url.replace("http:", "HTTP:")}/Legacy/`;
    const client = createIntegrationClient({
      baseUrl,
      layout: "seed",
      limiter: createRateLimiter(),
      outbound: loopbackOutbound,
      onCall: (call, { connector, scope }) => seen.push({ url: call.url, operation: call.operation, endpoint: call.endpoint, connector: connector?.uuid, scope: scope?.slug }),
    });
    await client.authenticate({ uuid: "c-1", workspaceUuid: "w-1", config: {} }).catch(() => undefined);
    await client.executeAction({ uuid: "c-1", workspaceUuid: "w-1", config: {} }, "find", {}).catch(() => undefined);
    await client.completeOauth("code", "http://app/oauth/callback").catch(() => undefined);
    expect(seen).toEqual([
      { url: `${server.url}/Legacy/authenticate`, operation: "authenticate", endpoint: "/authenticate", connector: "c-1", scope: undefined },
      { url: `${server.url}/Legacy/actions/find/execute`, operation: "executeAction", endpoint: "/actions/find/execute", connector: "c-1", scope: "find" },
      { url: `${server.url}/Legacy/completeOauth`, operation: "completeOauth", endpoint: "/completeOauth", connector: undefined, scope: undefined },
    ]);
  });
});
