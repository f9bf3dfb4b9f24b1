import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchManifest, type FetchedManifest } from "./fetch-manifest";
import { IntegrationError } from "./integration-error";
import { loopbackOutbound } from "./testing/outbound";
import { reply, startTestServer, type TestServer } from "./testing/test-server";
import { fetchesSettled, makeManifest, trackedManifestCache } from "./testing/tracked-manifest-cache";


// A real integration server whose manifest each test changes, answering after a short delay so
// concurrent gets overlap.
let server: TestServer;
let answer: unknown;
let time: number;
// Every fetch the cache starts, so a test can wait for one it started in the background.
const started: Array<Promise<unknown>> = [];

beforeAll(async () => {
  server = await startTestServer((request, res) =>
    setTimeout(() => reply(res, 200, request.path.startsWith("/moved/") ? "moved" : answer), 20),
  );
});
afterAll(() => server.close());

beforeEach(() => {
  server.seen.length = 0;
  started.length = 0;
  answer = makeManifest("Version 1");
  time = 0;
});

const makeCache = () => trackedManifestCache(() => time, started);
/** Waits until every fetch started so far has finished and the cache has recorded its outcome. */
const fetchesDone = () => fetchesSettled(started);

const nameOf = (fetched: FetchedManifest) => fetched.manifest.name;

describe("manifest cache", () => {
  it("serves one fetch for the TTL, then the held one while fetching it again", async () => {
    const cache = makeCache();
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
    answer = makeManifest("Version 2");
    time = 59_999;
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
    time = 60_000;
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
    await fetchesDone();
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 2");
    expect(server.seen).toHaveLength(2);
  });

  it("shares one upstream request among 10 concurrent misses", async () => {
    const cache = makeCache();
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get("i1", server.url)));
    expect(new Set(answers).size).toBe(1);
    expect(server.seen).toHaveLength(1);
  });

  it("asks the server on refresh, within the TTL too", async () => {
    const cache = makeCache();
    await cache.get("i1", server.url);
    answer = makeManifest("Version 2");
    expect(nameOf(await cache.get("i1", server.url, { refresh: true }))).toBe("Version 2");
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 2");
    expect(server.seen).toHaveLength(2);
  });

  it("keeps serving the last good manifest when the server starts answering an invalid one", async () => {
    const cache = makeCache();
    await cache.get("i1", server.url);
    answer = { ...makeManifest("Broken"), color: 7, actions: { ping: { description: "no name" } } };
    time = 60_000;
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
    await fetchesDone();
    expect(cache.lastError("i1")).toMatchObject({ kind: "badResponse" });

    const error = await cache.get("i1", server.url, { refresh: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as IntegrationError).problems?.map((problem) => problem.path).sort()).toEqual([
      "actions.ping.config",
      "actions.ping.name",
      "color",
    ]);

    // Right after a failure the server is left alone; once it recovers, the next fetch clears the error.
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
    expect(server.seen).toHaveLength(3);
    answer = makeManifest("Version 2");
    time = 70_000;
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
    await fetchesDone();
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 2");
    expect(cache.lastError("i1")).toBeNull();
  });

  it("throws when there is no last good manifest, and keeps the error for a while", async () => {
    const cache = makeCache();
    answer = "<html>not a manifest</html>";
    await expect(cache.get("i1", server.url)).rejects.toMatchObject({ kind: "badResponse" });
    await expect(cache.get("i1", server.url)).rejects.toMatchObject({ kind: "badResponse" });
    expect(server.seen).toHaveLength(1);
  });

  it("falls back on a seeded manifest when the server is unreachable", async () => {
    const cache = makeCache();
    const stored = await fetchManifest(server.url, { outbound: loopbackOutbound });
    cache.seed("i1", stored);
    const closed = await startTestServer(() => {});
    await closed.close();
    expect(await cache.get("i1", closed.url)).toBe(stored);
    expect(cache.lastError("i1")).toMatchObject({ kind: "unreachable" });
    await expect(cache.get("i1", closed.url, { refresh: true })).rejects.toMatchObject({ kind: "unreachable" });
  });

  it("counts a seeded manifest as fetched when told when, and never lets it replace a newer one", async () => {
    const cache = makeCache();
    const stored: FetchedManifest = { layout: "seed", manifest: { ...makeManifest("Stored"), connector: { config: { jsonSchema: {}, uiSchema: {} } } } };
    time = 1_000;
    cache.seed("i1", stored, 500);
    expect(await cache.get("i1", server.url)).toBe(stored);
    expect(server.seen).toHaveLength(0);
    await cache.get("i1", server.url, { refresh: true });
    cache.seed("i1", stored, 900);
    expect(nameOf(await cache.get("i1", server.url))).toBe("Version 1");
  });

  it("forgets a key on invalidate, and a manifest from another URL is no fallback", async () => {
    const cache = makeCache();
    await cache.get("i1", server.url);
    cache.invalidate("i1");
    await cache.get("i1", server.url);
    expect(server.seen).toHaveLength(2);
    await expect(cache.get("i1", `${server.url}/moved`)).rejects.toMatchObject({ kind: "badResponse" });
    expect(server.seen.at(-1)?.path).toBe("/moved/manifest");
  });
});
