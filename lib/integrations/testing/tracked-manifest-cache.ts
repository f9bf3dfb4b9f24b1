import { fetchManifest } from "../fetch-manifest";
import { createManifestCache, type ManifestCache } from "../manifest-cache";
import { loopbackOutbound } from "./outbound";

/** The smallest valid manifest, named `name` (each test tells its versions apart by name). */
export const makeManifest = (name: string) => ({
  name,
  description: "A tiny integration",
  icon: "<svg></svg>",
  color: "#123456",
  url: "https://tiny.example",
  connector: { config: { jsonSchema: {}, uiSchema: {} } },
  actions: {},
});

/**
 * A manifest cache for tests (60 s TTL, 10 s after an error, the time `now` says) over real
 * fetches on loopback, pushing every fetch it starts onto `started`, so a test can wait for one
 * started in the background (`fetchesSettled`).
 */
export function trackedManifestCache(now: () => number, started: Array<Promise<unknown>>): ManifestCache {
  return createManifestCache({
    ttlMs: 60_000,
    retryAfterErrorMs: 10_000,
    now,
    fetchManifest: (baseUrl) => {
      const fetching = fetchManifest(baseUrl, { outbound: loopbackOutbound });
      started.push(fetching);
      return fetching;
    },
  });
}

/** Waits until every fetch in `started` has finished and the cache has recorded its outcome. */
export async function fetchesSettled(started: Array<Promise<unknown>>): Promise<void> {
  await Promise.allSettled(started);
  await new Promise((resolve) => setImmediate(resolve));
}
