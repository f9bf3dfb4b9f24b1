import { afterEach, describe, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import type { WindowedCall } from "@/examples/demo-integration/rate-window";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { createIntegrationClient, createRateLimiter, createSerialLocks, createSharedRateLimiter, fetchManifest, type RateLimiter } from "@/lib/integrations";
import { loopbackOutbound } from "@/lib/integrations/testing/outbound";
import { busiestWindow } from "@/lib/integrations/testing/virtual-clock";

// Two processes on one database (two pools on Postgres, two connections to one file on SQLite, as
// the web processes of WEB_PROCESSES), each with its own limiter, calling one connector of the
// demo integration, which enforces its declared 20 calls per second and times every call by its
// own clock.

let demo: RunningDemoIntegrationServer | undefined;
let storage: TestStorage | undefined;
const opened: Database[] = [];
afterEach(async () => {
  await demo?.close();
  await Promise.all(opened.splice(0).map((db) => db.close()));
  await storage?.cleanup();
  demo = undefined;
  storage = undefined;
});

const connector = { uuid: "c1", workspaceUuid: "w1", config: { apiKey: "demo-api-key", region: "eu" } };

/** Two "processes": a pool and a limiter each, over one database. */
async function twoProcesses(limiterOf: (db: Database) => RateLimiter) {
  storage = await createTestStorage("shared-limits-");
  for (let i = 0; i < 2; i++) opened.push(await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl }));
  demo = await startDemoIntegrationServer({ port: 0, enforceRateLimit: true });
  const { manifest } = await fetchManifest(demo.url, { outbound: loopbackOutbound });
  const rateLimit = "rateLimit" in manifest.connector ? manifest.connector.rateLimit : undefined;
  expect(rateLimit).toEqual({ max: 20, unit: "second" });
  const clients = opened.map((db) =>
    createIntegrationClient({ baseUrl: demo!.url, layout: "seed", rateLimit, limiter: limiterOf(db), serialLocks: createSerialLocks(), outbound: loopbackOutbound }),
  );
  const lookups = (count: number, from: number) =>
    clients.flatMap((client, index) =>
      Array.from({ length: count }, (_, i) =>
        client.executeAction(connector, "lookupRecord", { objectType: "contacts", id: "con_001" }, { idempotencyKey: `p${index}-${from + i}` }),
      ),
    );
  const stats = async () => ((await (await fetch(`${demo!.url}/_demo/stats`)).json()) as { rateLimit: { tooManyRequests: number; calls: WindowedCall[] } }).rateLimit;
  return { lookups, stats };
}

describe("rate limits across processes", () => {
  it("keeps two processes together under the connector's declared limit: no 429, at most 20 calls in any second", async () => {
    const { lookups, stats } = await twoProcesses((db) => createSharedRateLimiter(db.rateLimitWindows));
    await Promise.all(lookups(25, 0));
    const { tooManyRequests, calls } = await stats();
    expect(tooManyRequests).toBe(0);
    const ofC1 = calls.filter((call) => call.connector === "c1");
    expect(ofC1.filter((call) => call.status === 200)).toHaveLength(50);
    expect(busiestWindow(ofC1.map((call) => call.at), 1_000)).toBeLessThanOrEqual(20);
  });

  it("is what the shared store adds: a limiter per process lets two processes through at twice the rate, into 429s", async () => {
    const { lookups, stats } = await twoProcesses(() => createRateLimiter());
    await Promise.allSettled(lookups(25, 0));
    expect((await stats()).tooManyRequests).toBeGreaterThan(0);
  });

  it("pauses every process when one of them is told to wait (a 429's Retry-After), also for a connector without a limit", async () => {
    storage = await createTestStorage("shared-limits-");
    for (let i = 0; i < 2; i++) opened.push(await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl }));
    const [first, second] = opened.map((db) => createSharedRateLimiter(db.rateLimitWindows));
    first!.pause("c2", 1_500);
    // The pause is written in the background: wait until the other process can see it.
    while ((await opened[1]!.rateLimitWindows.pausedFor("c2")) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // Each kind of key on its own: one without a limit (checked apart from any token), then one with.
    let started = performance.now();
    (await second!.acquire("c2", null))();
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    first!.pause("c3", 800);
    while ((await opened[1]!.rateLimitWindows.pausedFor("c3")) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    started = performance.now();
    (await second!.acquire("c3", { max: 5, unit: "second" }))();
    expect(performance.now() - started).toBeGreaterThanOrEqual(500);
  });
});
