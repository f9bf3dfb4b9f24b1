import { afterEach, describe, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import type { WindowedCall } from "@/examples/demo-integration/rate-window";
import { createIntegrationClient, type IntegrationClientOptions } from "./client";
import { fetchManifest } from "./fetch-manifest";
import { createRateLimiter } from "./rate-limiter";
import { createSerialLocks } from "./serial-locks";
import { loopbackOutbound } from "./testing/outbound";
import { busiestWindow } from "./testing/virtual-clock";

// The limits against the demo integration over real HTTP, the demo enforcing its declared limit
// (20 calls per second per connector, a sliding window of 1 s) and timing every call by its own
// clock.
let demo: RunningDemoIntegrationServer | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

const connector = (uuid: string) => ({ uuid, workspaceUuid: "w1", config: { apiKey: "demo-api-key", region: "eu" } });
const lookup = (id = "con_001") => ({ objectType: "contacts", id });

async function startDemo(options: Parameters<typeof startDemoIntegrationServer>[0] = {}) {
  demo = await startDemoIntegrationServer({ port: 0, enforceRateLimit: true, ...options });
  const { manifest } = await fetchManifest(demo.url, { outbound: loopbackOutbound });
  const client = (overrides: Partial<IntegrationClientOptions> = {}) =>
    createIntegrationClient({
      baseUrl: demo!.url,
      layout: "seed",
      rateLimit: "rateLimit" in manifest.connector ? manifest.connector.rateLimit : undefined,
      limiter: createRateLimiter(),
      serialLocks: createSerialLocks(),
      outbound: loopbackOutbound,
      ...overrides,
    });
  return { client, url: demo.url };
}

async function demoCalls(url: string): Promise<{ tooManyRequests: number; calls: WindowedCall[] }> {
  const stats = (await (await fetch(`${url}/_demo/stats`)).json()) as { rateLimit: { tooManyRequests: number; calls: WindowedCall[] } };
  return stats.rateLimit;
}

describe("the connector limit against a demo that enforces it", () => {
  it("gets no 429 when the client honours the declared limit, and 429s when it does not", async () => {
    const { client, url } = await startDemo();
    const honouring = client();
    await Promise.all(Array.from({ length: 45 }, (_, i) => honouring.executeAction(connector("c1"), "lookupRecord", lookup(), { idempotencyKey: `k${i}` })));
    const honoured = await demoCalls(url);
    expect(honoured.tooManyRequests).toBe(0);
    const ofC1 = honoured.calls.filter((call) => call.connector === "c1");
    expect(ofC1.filter((call) => call.status === 200)).toHaveLength(45);
    expect(busiestWindow(ofC1.map((call) => call.at), 1_000)).toBe(20);

    const ignoring = client({ rateLimit: null });
    await Promise.allSettled(Array.from({ length: 30 }, () => ignoring.executeAction(connector("c2"), "lookupRecord", lookup())));
    expect((await demoCalls(url)).tooManyRequests).toBeGreaterThan(0);
  });
});

describe("a 429 from the server", () => {
  it("pauses every call of the connector for its Retry-After, also without a declared limit", async () => {
    const { client, url } = await startDemo({ rateLimit: null });
    const crm = client();
    // Refused once (Retry-After: 1), then answered.
    const refused = crm.executeAction(connector("c1"), "simulateError", { status: 429, message: "Slow down", succeedAfter: 1 }, { idempotencyKey: "limited" });
    let refusal: WindowedCall | undefined;
    while (!(refusal = (await demoCalls(url)).calls.find((call) => call.status === 429))) await new Promise((resolve) => setTimeout(resolve, 5));

    const others = Array.from({ length: 5 }, (_, i) => crm.executeAction(connector("c1"), "lookupRecord", lookup(), { idempotencyKey: `other-${i}` }));
    const elsewhere = crm.executeAction(connector("c2"), "lookupRecord", lookup());
    await Promise.all([refused, elsewhere, ...others]);

    const { calls } = await demoCalls(url);
    const after = calls.filter((call) => call.at > refusal!.at);
    const ofC1 = after.filter((call) => call.connector === "c1");
    expect(ofC1).toHaveLength(6);
    // Retry-After counts from when the client read the 429, a little after the demo sent it.
    for (const call of ofC1) expect(call.at - refusal!.at).toBeGreaterThanOrEqual(995);
    const ofC2 = after.find((call) => call.connector === "c2")!;
    expect(ofC2.at - refusal!.at).toBeLessThan(500);
  });
});

describe("isSerialized", () => {
  it("keeps an action's calls on one connector one at a time, a failed one releasing its turn", async () => {
    // Every answer takes 100 ms, so calls that overlap arrive (after the delay) within a few ms.
    const { client, url } = await startDemo({ rateLimit: null, latencyMs: 100 });
    const crm = client({ actions: { lookupRecord: { isSerialized: true } } });
    const failing = crm.executeAction(connector("c1"), "lookupRecord", { objectType: "rockets", id: "r1" });
    const serial = Array.from({ length: 3 }, (_, i) => crm.executeAction(connector("c1"), "lookupRecord", lookup(), { idempotencyKey: `s${i}` }));
    const elsewhere = crm.executeAction(connector("c2"), "lookupRecord", lookup());
    await expect(failing).rejects.toMatchObject({ status: 400 });
    await Promise.all([...serial, elsewhere]);

    const { calls } = await demoCalls(url);
    const ofC1 = calls.filter((call) => call.connector === "c1").map((call) => call.at);
    expect(ofC1).toHaveLength(4);
    for (let i = 1; i < ofC1.length; i++) expect(ofC1[i]! - ofC1[i - 1]!).toBeGreaterThanOrEqual(95);
    const ofC2 = calls.find((call) => call.connector === "c2")!;
    expect(ofC2.at - ofC1[0]!).toBeLessThan(50);
  });
});
