import { describe, expect, it, vi } from "vitest";
import { createSharedRateLimiter, type RateLimitWindowStore } from "./shared-rate-limiter";

// The store's own behaviour (windows across processes on Postgres) is tested against a real
// database in lib/server/shared-rate-limits.demo.test.ts; these are the limiter's choices.
const failingStore: RateLimitWindowStore = {
  take: () => Promise.reject(new Error("connection refused")),
  sent: () => Promise.reject(new Error("connection refused")),
  pause: () => Promise.reject(new Error("connection refused")),
  pausedFor: () => Promise.reject(new Error("connection refused")),
};

describe("createSharedRateLimiter", () => {
  it("lets calls go on under the process's own limit when the shared store fails, saying so once", async () => {
    const onStoreError = vi.fn();
    const limiter = createSharedRateLimiter(failingStore, { onStoreError });
    for (let i = 0; i < 3; i++) (await limiter.acquire("c1", { max: 5, unit: "second" }))();
    (await limiter.acquire("c2", null))();
    limiter.pause("c3", 10);
    expect(onStoreError).toHaveBeenCalledTimes(1);
    expect(onStoreError.mock.calls[0]![0]).toMatchObject({ message: "connection refused" });
  });

  it("waits as long as the store says, then takes the token it frees", async () => {
    const waits: number[] = [];
    let takes = 0;
    const store: RateLimitWindowStore = {
      take: async () => (++takes < 3 ? { granted: false, waitMs: 40 * takes } : { granted: true, grantId: "g1" }),
      sent: vi.fn(async () => {}),
      pause: async () => {},
      pausedFor: async () => 0,
    };
    const limiter = createSharedRateLimiter(store, { sleep: async (ms) => void waits.push(ms) });
    const sent = await limiter.acquire("c1", { max: 1, unit: "second" });
    expect(waits).toEqual([40, 80]);
    sent();
    expect(store.sent).toHaveBeenCalledWith("g1");
  });

  it("asks the store about another process's pause of a key without a limit at most once per check interval", async () => {
    const pausedFor = vi.fn(async () => 0);
    const limiter = createSharedRateLimiter({ take: vi.fn(), sent: vi.fn(), pause: vi.fn(async () => {}), pausedFor }, { pauseCheckMs: 60_000 });
    for (let i = 0; i < 5; i++) (await limiter.acquire("c1", null))();
    expect(pausedFor).toHaveBeenCalledTimes(1);
  });
});
