import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIntegrationClient } from "./client";
import { createRateLimiter } from "./rate-limiter";
import { loopbackOutbound } from "./testing/outbound";
import { busiestWindow, makeVirtualClock } from "./testing/virtual-clock";
import { reply, startTestServer, type TestServer } from "./testing/test-server";

const perMinute = { unit: "minute", max: 5 } as const;

describe("rate limiter, virtual clock", () => {
  it("lets a burst of max through at once, then one per freed token, never more than max per unit", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, marginMs: 0 });
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const sent = await limiter.acquire("c1", perMinute);
        granted.push(clock.time);
        sent();
      }),
    );
    expect(granted).toEqual([0, 60_000, 120_000, 180_000].flatMap((time) => Array<number>(5).fill(time)));
    expect(busiestWindow(granted, 60_000)).toBe(5);
  });

  it("counts a token's window from when its request reached the server", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, marginMs: 0 });
    const first = await limiter.acquire("c1", { unit: "minute", max: 1 });
    clock.time = 5_000;
    first();
    await limiter.acquire("c1", { unit: "minute", max: 1 });
    expect(clock.time).toBe(65_000);
  });

  it("takes a request never reported sent to arrive one unit after its grant at the latest", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    await limiter.acquire("c1", { unit: "second", max: 1 });
    await limiter.acquire("c1", { unit: "second", max: 1 });
    expect(clock.time).toBe(2_010);
  });

  it("serves waiters first come, first served", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const sent = await limiter.acquire("c1", { unit: "second", max: 2 });
        order.push(i);
        sent();
      }),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("keeps one bucket per key and none without a limit", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, marginMs: 0 });
    const perDay = { unit: "day", max: 1 } as const;
    (await limiter.acquire("a", perDay))();
    (await limiter.acquire("b", perDay))();
    await Promise.all([null, undefined, null].map((limit) => limiter.acquire("a", limit)));
    expect(clock.time).toBe(0);
    await limiter.acquire("a", perDay);
    expect(clock.time).toBe(86_400_000);
  });

  it("drops an aborted waiter and serves the next one", async () => {
    let time = 0;
    let wake = () => {};
    const limiter = createRateLimiter({ now: () => time, sleep: () => new Promise<void>((resolve) => (wake = resolve)), marginMs: 0 });
    const limit = { unit: "second", max: 1 } as const;
    (await limiter.acquire("c1", limit))();
    const controller = new AbortController();
    const aborted = limiter.acquire("c1", limit, controller.signal);
    const next = limiter.acquire("c1", limit);
    controller.abort(new Error("cancelled"));
    await expect(aborted).rejects.toThrow("cancelled");
    time = 1_000;
    wake();
    await next;
    await expect(limiter.acquire("c1", limit, AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
  });
});

describe("rate limiter, paused by a 429", () => {
  it("holds back a key without a limit until the pause ends, and only that key", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pause("c1", 1_500);
    const granted: Array<[string, number]> = [];
    await Promise.all(
      ["c1", "c2", "c1"].map(async (key) => {
        await limiter.acquire(key, null);
        granted.push([key, clock.time]);
      }),
    );
    expect(granted).toEqual([["c2", 0], ["c1", 1_500], ["c1", 1_500]]);
    await limiter.acquire("c1", null);
    expect(clock.time).toBe(1_500);
  });

  it("holds back a limited key's free tokens too, then serves its waiters in order, max at once", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, marginMs: 0 });
    const limit = { unit: "second", max: 2 } as const;
    (await limiter.acquire("c1", limit))();
    limiter.pause("c1", 3_000);
    const granted: Array<[number, number]> = [];
    await Promise.all(
      [0, 1, 2].map(async (i) => {
        const sent = await limiter.acquire("c1", limit);
        granted.push([i, clock.time]);
        sent();
      }),
    );
    expect(granted).toEqual([[0, 3_000], [1, 3_000], [2, 4_000]]);
  });

  it("keeps the longer of two pauses", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pause("c1", 2_000);
    limiter.pause("c1", 500);
    await limiter.acquire("c1", null);
    expect(clock.time).toBe(2_000);
  });

  it("lets a waiter abort during a pause", async () => {
    const clock = makeVirtualClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pause("c1", 60_000);
    const controller = new AbortController();
    const waiting = limiter.acquire("c1", null, controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
  });
});

describe("rate limiter, real clock and a real server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { outcome: "success" }));
  });
  afterAll(() => server.close());

  it("20 concurrent calls under {second, 5}: the server never sees more than 5 in one second", async () => {
    const client = createIntegrationClient({
      baseUrl: server.url,
      layout: "seed",
      rateLimit: { unit: "second", max: 5 },
      limiter: createRateLimiter(),
      outbound: loopbackOutbound,
    });
    const connector = { uuid: "c1", workspaceUuid: "w1", config: {} };
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.authenticate(connector)));
    expect(answers).toHaveLength(20);
    const arrivals = server.seen.map((request) => request.arrivedAt);
    expect(arrivals).toHaveLength(20);
    expect(busiestWindow(arrivals, 1_000)).toBe(5);
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(3_000);
  });
});
