import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fetchManifest, type FetchedManifest } from "./fetch-manifest";
import { loopbackOutbound } from "./testing/outbound";
import { reply, startTestServer, type TestServer } from "./testing/test-server";
import { fetchesSettled, makeManifest, trackedManifestCache } from "./testing/tracked-manifest-cache";

// Stale-while-revalidate: past its TTL a held manifest answers at once, so one integration server
// that hangs cannot hold up every run validated against the workspace's catalog.


// A real integration server that answers at once, or, while `hanging`, keeps every request open
// until the test answers it with `release` (as a hung server would until the 30 s timeout).
let server: TestServer;
let hanging: boolean;
const held: Array<(status: number, body: unknown) => void> = [];
let time: number;
const started: Array<Promise<unknown>> = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  server = await startTestServer((_request, res) => {
    if (hanging) held.push((status, body) => reply(res, status, body));
    else reply(res, 200, makeManifest("Version 1"));
  });
  process.on("unhandledRejection", onUnhandled);
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await server.close();
});

beforeEach(() => {
  server.seen.length = 0;
  started.length = 0;
  unhandled.length = 0;
  hanging = false;
  time = 0;
});
// A test that failed while the server hung leaves no request open for the next one.
afterEach(async () => {
  for (const answer of held.splice(0)) answer(503, "gone");
  await fetchesDone();
});

const makeCache = () => trackedManifestCache(() => time, started);
/** Waits until every fetch started so far has finished and the cache has recorded its outcome. */
const fetchesDone = () => fetchesSettled(started);

/** Answers every request the hung server holds, once the one the test expects has arrived. */
async function release(status: number, body: unknown) {
  await vi.waitFor(() => expect(held.length).toBeGreaterThan(0));
  for (const answer of held.splice(0)) answer(status, body);
  await fetchesDone();
}

/** `promise`'s value, or a rejection when it takes longer than `ms`. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

const nameOf = (fetched: FetchedManifest) => fetched.manifest.name;

/** A cache holding Version 1, fetched at time 0, now expired, its server hanging. */
async function expiredWithHungServer() {
  const cache = makeCache();
  expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
  hanging = true;
  time = 60_000;
  return cache;
}

describe("manifest cache, past the TTL", () => {
  it("answers the held manifest at once while the server hangs, with one refetch for every caller", async () => {
    const cache = await expiredWithHungServer();
    const startedAt = performance.now();
    const answers = await within(200, Promise.all(Array.from({ length: 20 }, () => cache.get("i1", server.url))));
    expect(performance.now() - startedAt).toBeLessThan(200);
    expect(answers.map(nameOf)).toEqual(Array(20).fill("Version 1"));

    await vi.waitFor(() => expect(held).toHaveLength(1));
    expect(nameOf(await within(200, cache.get("i1", server.url)))).toBe("Version 1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.seen).toHaveLength(2);
  });

  it("answers the new manifest once the refetch succeeds", async () => {
    const cache = await expiredWithHungServer();
    expect(nameOf(await within(200, cache.get("i1", server.url)))).toBe("Version 1");
    await release(200, makeManifest("Version 2"));
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 2");
    expect(cache.lastError("i1")).toBeNull();
    expect(server.seen).toHaveLength(2);
  });

  it("keeps answering the held manifest when the refetch fails, and records the error", async () => {
    const cache = await expiredWithHungServer();
    expect(nameOf(await within(200, cache.get("i1", server.url)))).toBe("Version 1");
    await release(200, "<html>not a manifest</html>");
    expect(cache.lastError("i1")).toMatchObject({ kind: "badResponse" });
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
    expect(server.seen).toHaveLength(2);

    // Past the pause after a failure, the server is asked again, still in the background.
    time = 70_000;
    expect(nameOf(await within(200, cache.get("i1", server.url)))).toBe("Version 1");
    await release(500, { message: "down" });
    expect(cache.lastError("i1")).toMatchObject({ kind: "errorResponse" });
    expect(server.seen).toHaveLength(3);
    expect(unhandled).toEqual([]);
  });

  it("still waits for the server on refresh, and throws its error", async () => {
    const cache = await expiredWithHungServer();
    const refreshing = cache.get("i1", server.url, { refresh: true });
    await expect(within(100, refreshing)).rejects.toThrow("still waiting");
    await release(200, "<html>not a manifest</html>");
    await expect(refreshing).rejects.toMatchObject({ kind: "badResponse" });
  });
});

describe("manifest cache, without a manifest it may serve", () => {
  it("waits for the fetch when cold", async () => {
    const cache = makeCache();
    hanging = true;
    const getting = cache.get("i1", server.url);
    await expect(within(100, getting)).rejects.toThrow("still waiting");
    await release(200, makeManifest("Version 2"));
    expect(nameOf(await getting)).toBe("Version 2");
  });

  it("waits once for a seed of unknown age, then serves it stale after that fetch failed", async () => {
    const cache = makeCache();
    const stored = await fetchManifest(server.url, { outbound: loopbackOutbound });
    cache.seed("i1", stored);
    hanging = true;
    const getting = cache.get("i1", server.url);
    await expect(within(100, getting)).rejects.toThrow("still waiting");
    await release(500, { message: "down" });
    expect(await getting).toBe(stored);

    time = 10_000;
    expect(await within(200, cache.get("i1", server.url))).toBe(stored);
    await release(200, makeManifest("Version 2"));
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 2");
  });
});
