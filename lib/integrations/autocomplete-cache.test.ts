import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { createAutocompleteCache } from "./autocomplete-cache";
import { createIntegrationClient } from "./client";
import { createRateLimiter } from "./rate-limiter";
import { loopbackOutbound } from "./testing/outbound";

/** A load that counts its calls and answers `{n}` with the call number. */
function makeCountingLoad() {
  const load = async () => ({ n: ++load.calls });
  load.calls = 0;
  return load;
}

const key = { connectorUuid: "c1", slug: "listThings", params: { a: 1, b: { c: 2, d: 3 } } };

describe("autocomplete cache", () => {
  it("serves a cached answer until its expiration, then loads again", async () => {
    let time = 0;
    const cache = createAutocompleteCache<{ n: number }>({ now: () => time });
    const load = makeCountingLoad();
    expect(await cache.get(key, 60, load)).toEqual({ n: 1 });
    time = 59_999;
    expect(await cache.get(key, 60, load)).toEqual({ n: 1 });
    time = 60_000;
    expect(await cache.get(key, 60, load)).toEqual({ n: 2 });
  });

  it("matches params whatever their key order, and tells values and connectors apart", async () => {
    const cache = createAutocompleteCache<{ n: number }>();
    const load = makeCountingLoad();
    await cache.get(key, 60, load);
    await cache.get({ ...key, params: { b: { d: 3, c: 2 }, a: 1 } }, 60, load);
    expect(load.calls).toBe(1);
    await cache.get({ ...key, value: "se" }, 60, load);
    await cache.get({ ...key, connectorUuid: "c2" }, 60, load);
    expect(load.calls).toBe(3);
  });

  it("skips and replaces the cached answer on refresh", async () => {
    const cache = createAutocompleteCache<{ n: number }>();
    const load = makeCountingLoad();
    await cache.get(key, 60, load);
    expect(await cache.get(key, 60, load, { refresh: true })).toEqual({ n: 2 });
    expect(await cache.get(key, 60, load)).toEqual({ n: 2 });
  });

  it("caches nothing without an expiration", async () => {
    const cache = createAutocompleteCache<{ n: number }>();
    const load = makeCountingLoad();
    await cache.get(key, 0, load);
    expect(await cache.get(key, 0, load)).toEqual({ n: 2 });
  });

  it("does not cache failures", async () => {
    const cache = createAutocompleteCache<{ n: number }>();
    let calls = 0;
    const flaky = async () => {
      if (++calls === 1) throw new Error("upstream down");
      return { n: calls };
    };
    await expect(cache.get(key, 60, flaky)).rejects.toThrow("upstream down");
    expect(await cache.get(key, 60, flaky)).toEqual({ n: 2 });
  });

  it("clears one connector or everything, and evicts the least recently used beyond its bound", async () => {
    const cache = createAutocompleteCache<{ n: number }>({ maxEntries: 2 });
    const load = makeCountingLoad();
    const other = { ...key, connectorUuid: "c2" };
    await cache.get(key, 60, load);
    await cache.get(other, 60, load);
    cache.clear("c1");
    await cache.get(other, 60, load);
    await cache.get(key, 60, load);
    expect(load.calls).toBe(3);

    await cache.get(other, 60, load); // now key is the least recently used
    await cache.get({ ...key, slug: "third" }, 60, load);
    await cache.get(other, 60, load);
    await cache.get(key, 60, load);
    expect(load.calls).toBe(5);
    cache.clear();
    await cache.get(other, 60, load);
    expect(load.calls).toBe(6);
  });
});

describe("autocomplete cache in front of the demo integration", () => {
  let demo: RunningDemoIntegrationServer;
  beforeAll(async () => {
    demo = await startDemoIntegrationServer({ port: 0 });
  });
  afterAll(() => demo.close());

  it.each([0, 300])("100 concurrent identical requests make one upstream call (expiration %i s)", async (ttlSeconds) => {
    const client = createIntegrationClient({ baseUrl: demo.url, layout: "seed", limiter: createRateLimiter(), outbound: loopbackOutbound });
    const cache = createAutocompleteCache();
    const connector = { uuid: `c-${ttlSeconds}`, workspaceUuid: "w1", config: { apiKey: "demo-api-key" } };
    const params = { objectType: "deals" };
    await fetch(`${demo.url}/_demo/reset`, { method: "POST" });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        cache.get({ connectorUuid: connector.uuid, slug: "listObjectProperties", params }, ttlSeconds, () =>
          client.autocomplete(connector, "listObjectProperties", params),
        ),
      ),
    );
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]!.results.length).toBeGreaterThan(0);
    const { calls } = (await (await fetch(`${demo.url}/_demo/stats`)).json()) as { calls: Record<string, number> };
    expect(calls["POST /autocompletes/listObjectProperties"]).toBe(1);
  });
});
