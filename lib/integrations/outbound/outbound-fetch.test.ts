import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callIntegration } from "../http";
import { IntegrationError } from "../integration-error";
import { runHttpRequest } from "../native/http-request";
import { NativeActionError } from "../native/native-action-error";
import { openai } from "../native/providers/openai";
import { authenticateNative, runNativeAction } from "../native/sdk-run";
import { mapResolver, startHitCounter, type HitCounter } from "../testing/outbound";
import { createOutboundFetch, type OutboundFetch } from "./outbound-fetch";
import { OutboundRefusedError } from "./outbound-refused-error";

// The guard's behaviour around the corpus (outbound.corpus.test.ts): redirects, what the
// allowlist lets through, one resolution per connection, and the shape of a refusal at call sites.
let target: HitCounter;
let other: HitCounter;
let refusing: OutboundFetch;
let allowing: OutboundFetch;

beforeAll(async () => {
  [target, other] = await Promise.all([startHitCounter(), startHitCounter()]);
  const names = mapResolver({ "internal.example": ["127.0.0.1"], "allowed.example": ["127.0.0.1"] });
  refusing = createOutboundFetch({ resolve: names });
  // What an operator allowing one local integration gets: that host:port and one name.
  allowing = createOutboundFetch({ resolve: names, allowlist: `127.0.0.1:${target.port}, allowed.example` });
});
afterAll(() => Promise.all([target.close(), other.close()]));
beforeEach(() => {
  target.hits.length = 0;
  other.hits.length = 0;
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );

describe("redirects: every hop is checked", () => {
  const via = (to: string) => `http://allowed.example:${target.port}/hop?to=${encodeURIComponent(to)}`;

  it.each([
    ["another port of loopback", () => `http://127.0.0.1:${other.port}/`],
    ["IPv6 loopback", () => `http://[::1]:${other.port}/`],
    ["a name resolving to loopback", () => `http://internal.example:${other.port}/`],
    ["localhost", () => `http://localhost:${other.port}/`],
    ["cloud metadata", () => "http://169.254.169.254/latest/meta-data/"],
    ["a private address", () => "http://10.0.0.5/"],
  ])("from an allowed host to %s: refused, the target never reached", async (_name, to) => {
    const error = await refusal(allowing(via(to())));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(target.hits).toHaveLength(1);
    expect(other.hits).toEqual([]);
  });

  it("two allowed hops then a refused one: refused", async () => {
    const last = `http://127.0.0.1:${other.port}/`;
    const error = await refusal(allowing(via(`http://127.0.0.1:${target.port}/again?to=${encodeURIComponent(last)}`)));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(target.hits).toHaveLength(2);
    expect(other.hits).toEqual([]);
  });

  it("an allowed redirect is followed, and stops after 5 hops", async () => {
    const followed = await allowing(via(`http://127.0.0.1:${target.port}/end`));
    expect([followed.status, await followed.text()]).toEqual([200, "reached"]);
    target.hits.length = 0;
    const error = await refusal(allowing(`http://127.0.0.1:${target.port}/loop`));
    expect(error).toMatchObject({ message: "fetch failed", cause: { message: "more than 5 redirects" } });
    expect(target.hits).toHaveLength(6);
  });

  it("the integration client still refuses any redirect", async () => {
    const error = await refusal(allowing(via(`http://127.0.0.1:${target.port}/end`), { redirect: "error" }));
    expect(error).toMatchObject({ message: "fetch failed", cause: { message: "unexpected redirect" } });
    expect(target.hits).toHaveLength(1);
  });
});

describe("allowlisted targets still work", () => {
  it("the allowlisted host:port answers, once", async () => {
    const res = await allowing(`http://127.0.0.1:${target.port}/hit`);
    expect([res.status, await res.text()]).toEqual([200, "reached"]);
    expect(target.hits).toEqual(["/hit"]);
  });

  it("an allowlisted name answers, whatever it resolves to", async () => {
    const res = await allowing(`http://allowed.example:${other.port}/by-name`);
    expect(res.status).toBe(200);
    expect(other.hits).toEqual(["/by-name"]);
  });

  it("a name resolving to the allowlisted address:port answers; the same address on another port is refused", async () => {
    expect((await allowing(`http://internal.example:${target.port}/`)).status).toBe(200);
    await expect(allowing(`http://internal.example:${other.port}/`)).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(other.hits).toEqual([]);
  });

  it("a CIDR entry allows its range", async () => {
    const cidr = createOutboundFetch({ allowlist: "127.0.0.0/8" });
    expect((await cidr(`http://127.0.0.2:${other.port}/`)).status).toBe(200);
    await expect(cidr(`http://[::1]:${other.port}/`)).rejects.toBeInstanceOf(OutboundRefusedError);
  });
});

describe("one resolution per connection, and the connection goes where the check looked", () => {
  it("asks the resolver once and connects to the address it answered", async () => {
    const asked: string[] = [];
    const counting = createOutboundFetch({ allowlist: `127.0.0.1:${target.port}`, resolve: async (name) => (asked.push(name), ["127.0.0.1"]) });
    expect((await counting(`http://counted.example:${target.port}/`)).status).toBe(200);
    expect(asked).toEqual(["counted.example"]);
  });

  it("a name that would answer something else the second time is connected to what the check saw", async () => {
    let answers = 0;
    const rebinding = createOutboundFetch({
      allowlist: `127.0.0.1:${target.port}`,
      resolve: async () => (answers++ === 0 ? ["127.0.0.1"] : ["10.0.0.5"]),
    });
    const res = await rebinding(`http://rebind.example:${target.port}/checked`);
    expect([res.status, answers, target.hits]).toEqual([200, 1, ["/checked"]]);
  });
});

describe("refused, unreachable and timed-out targets of a user-supplied URL answer the same shape", () => {
  it("the httpRequest node: a refusal is an unreachable error, as a closed port is", async () => {
    const closed = await startHitCounter();
    await closed.close();
    const allowAll = createOutboundFetch({ allowlist: "127.0.0.1, ::1" });
    const [refused, unreachable] = await Promise.all([
      refusal(runHttpRequest({ method: "GET", url: `http://127.0.0.1:${target.port}/` }, { outbound: refusing })),
      refusal(runHttpRequest({ method: "GET", url: `http://127.0.0.1:${closed.port}/` }, { outbound: allowAll })),
    ]);
    for (const error of [refused, unreachable]) {
      expect(error).toBeInstanceOf(NativeActionError);
      expect(error).toMatchObject({ kind: "unreachable", retryable: true, status: undefined });
    }
    expect((refused as Error).message).toMatch(/^Refused to call 127\.0\.0\.1:\d+: loopback address/);
    expect(target.hits).toEqual([]);
  });

  it("an integration server: a refusal is an unreachable IntegrationError, as a closed port is", async () => {
    const error = await refusal(callIntegration("http://10.0.0.5/manifest", { method: "GET" }, { outbound: refusing }));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ kind: "unreachable", status: undefined, message: expect.stringMatching(/^Refused to call 10\.0\.0\.5: private address/) });
  });

  it("an SDK provider: a refused base URL is an unreachable error, the key never sent", async () => {
    const connectorConfig = { api_key: "sk-secret", baseUrl: `http://internal.example:${target.port}` };
    const inputs = { prompt: "hi" };
    const error = await refusal(runNativeAction(openai, "openai.chatCompletion", { connectorConfig, inputs, workspaceUuid: "w", runId: "r", outbound: refusing }));
    expect(error).toMatchObject({ name: "NativeActionError", kind: "unreachable", retryable: true });
    expect((error as Error).message).toMatch(/^Refused to call internal\.example:\d+: it resolves to a loopback address/);
    await expect(authenticateNative(openai, { connectorConfig, workspaceUuid: "w", outbound: refusing })).rejects.toMatchObject({ kind: "unreachable" });
    expect(target.hits).toEqual([]);
  });

  it("a call without an injected guard gets the strict default", async () => {
    const error = await refusal(callIntegration(`http://127.0.0.1:${target.port}/manifest`, { method: "GET" }));
    expect(error).toMatchObject({ kind: "unreachable", message: expect.stringMatching(/^Refused to call/) });
    expect(target.hits).toEqual([]);
  });
});
