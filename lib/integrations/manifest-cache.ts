import type { FetchedManifest } from "./fetch-manifest";
import { IntegrationError } from "./integration-error";

export const MANIFEST_TTL_MS = 5 * 60_000;
export const MANIFEST_RETRY_AFTER_ERROR_MS = 30_000;

export interface ManifestCacheOptions {
  /**
   * How long a fetched manifest serves without asking the server again. Past it, the manifest
   * still answers at once while one fetch in the background replaces it. Default 5 minutes.
   */
  ttlMs?: number;
  /**
   * After a failed fetch, how long gets answer from memory (the last good manifest, else the same
   * error) before trying the server again, so a server that is down is not asked on every page view.
   * Default 30 s.
   */
  retryAfterErrorMs?: number;
  now?: () => number;
  /** Fetches one manifest; `key` says whose (the registry records the call against it). */
  fetchManifest: (baseUrl: string, key: string) => Promise<FetchedManifest>;
}

export interface ManifestCache {
  /**
   * The manifest of integration `key`: from memory within the TTL. Past it, a manifest this cache
   * holds is answered at once and fetched again in the background (stale-while-revalidate), so a
   * server that hangs cannot hold up every run validated against the catalog; the fresh one
   * answers from the next get. Without one (or with only a seed of unknown age, see `seed`) the
   * get waits for the fetch. One fetch serves every concurrent caller. When a fetch fails, the last
   * good manifest keeps answering (the error readable through `lastError`) unless `refresh` is
   * set; a refresh always waits for the server and throws every problem. Without a last good
   * manifest the error is thrown.
   */
  get(key: string, baseUrl: string, options?: { refresh?: boolean }): Promise<FetchedManifest>;
  /**
   * Primes `key` with a manifest kept elsewhere (the last good one in the database). Counted as
   * fetched at `fetchedAt`. By default its age is unknown: the next get waits for the server, and
   * falls back on it only when that fetch fails, since the stored one may lack what the server added
   * since (a run using it would fail validation); after that attempt it is served stale like any
   * other. Never replaces a newer manifest.
   */
  seed(key: string, fetched: FetchedManifest, fetchedAt?: number): void;
  /** Forgets `key` entirely, e.g. after its base URL changed or it was removed. */
  invalidate(key: string): void;
  /** Why the last fetch for `key` failed; null once a fetch succeeds. */
  lastError(key: string): IntegrationError | null;
}

type Outcome = { ok: true; fetched: FetchedManifest } | { ok: false; error: IntegrationError };

interface Entry {
  /** The URL the good manifest came from; unknown for a seeded one. */
  baseUrl?: string;
  good?: { fetched: FetchedManifest; fetchedAt: number };
  error: IntegrationError | null;
  failedAt?: number;
  inflight?: { baseUrl: string; refresh: boolean; promise: Promise<Outcome> };
  /** Sequence number of the newest fetch whose outcome was recorded; older ones finishing late are ignored. */
  recorded: number;
}

/**
 * Creates the manifest cache shared by every caller (docs/architecture.md, decision 2).
 * @example
 * const manifests = createManifestCache({ fetchManifest: (baseUrl) => fetchManifest(baseUrl) });
 * const fetched = await manifests.get(customIntegration.uuid, customIntegration.baseUrl);
 */
export function createManifestCache({
  ttlMs = MANIFEST_TTL_MS,
  retryAfterErrorMs = MANIFEST_RETRY_AFTER_ERROR_MS,
  now = Date.now,
  fetchManifest,
}: ManifestCacheOptions): ManifestCache {
  const entries = new Map<string, Entry>();
  let sequence = 0;

  function entryFor(key: string, baseUrl: string): Entry {
    const entry = entries.get(key);
    // A manifest from another URL is no fallback for this one.
    if (entry && (entry.baseUrl === undefined || entry.baseUrl === baseUrl)) return entry;
    const fresh: Entry = { error: null, recorded: 0 };
    entries.set(key, fresh);
    return fresh;
  }

  /** Never rejects (a fetcher that throws synchronously included), so a background load needs no handler. */
  function load(key: string, entry: Entry, baseUrl: string, refresh: boolean): Promise<Outcome> {
    const inflight = entry.inflight;
    if (inflight && inflight.baseUrl === baseUrl && (inflight.refresh || !refresh)) return inflight.promise;
    const number = ++sequence;
    const promise = (async () => fetchManifest(baseUrl, key))().then(
      (fetched): Outcome => ({ ok: true, fetched }),
      (error: unknown): Outcome => ({ ok: false, error: asIntegrationError(error) }),
    );
    entry.inflight = { baseUrl, refresh, promise };
    // Registered before any caller awaits the promise, so callers resume with the entry up to date.
    void promise.then((outcome) => {
      if (entry.inflight?.promise === promise) entry.inflight = undefined;
      if (entries.get(key) !== entry || number < entry.recorded) return;
      entry.recorded = number;
      if (outcome.ok) {
        Object.assign(entry, { baseUrl, good: { fetched: outcome.fetched, fetchedAt: now() }, error: null, failedAt: undefined });
      } else {
        Object.assign(entry, { error: outcome.error, failedAt: now() });
      }
    });
    return promise;
  }

  return {
    async get(key, baseUrl, { refresh = false } = {}) {
      const entry = entryFor(key, baseUrl);
      const { good } = entry;
      if (!refresh) {
        if (good && now() - good.fetchedAt < ttlMs) return good.fetched;
        if (entry.error && entry.failedAt !== undefined && now() - entry.failedAt < retryAfterErrorMs) {
          if (good) return good.fetched;
          throw entry.error;
        }
        // A seed of unknown age is not served before the server was asked once (see `seed`).
        if (good && (good.fetchedAt !== Number.NEGATIVE_INFINITY || entry.error)) {
          void load(key, entry, baseUrl, false);
          return good.fetched;
        }
      }
      const outcome = await load(key, entry, baseUrl, refresh);
      if (outcome.ok) return outcome.fetched;
      if (!refresh && entry.good) return entry.good.fetched;
      throw outcome.error;
    },
    seed(key, fetched, fetchedAt = Number.NEGATIVE_INFINITY) {
      const entry = entries.get(key) ?? { error: null, recorded: 0 };
      entries.set(key, entry);
      if (!entry.good || entry.good.fetchedAt < fetchedAt) entry.good = { fetched, fetchedAt };
    },
    invalidate(key) {
      entries.delete(key);
    },
    lastError: (key) => entries.get(key)?.error ?? null,
  };
}

function asIntegrationError(error: unknown): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IntegrationError("unreachable", `Could not fetch the manifest: ${message}`, { cause: error });
}
