import type { AutocompleteResponseBody } from "@/lib/contract";
import { stableStringify } from "@/lib/contract";

export const AUTOCOMPLETE_CACHE_MAX_ENTRIES = 5_000;

/** What makes two autocomplete requests the same. */
export interface AutocompleteKey {
  connectorUuid: string;
  slug: string;
  params: Record<string, unknown>;
  value?: unknown;
}

export interface AutocompleteCache<T> {
  /**
   * The cached answer for `key` if younger than `ttlSeconds`, else `load()`'s, cached for that
   * long. `ttlSeconds` 0 caches nothing, yet identical concurrent requests still share one load.
   * `refresh` skips the cached answer and replaces it. A failed load is not cached.
   */
  get(key: AutocompleteKey, ttlSeconds: number, load: () => Promise<T>, options?: { refresh?: boolean }): Promise<T>;
  /** Forgets one connector's answers, or every answer. */
  clear(connectorUuid?: string): void;
}

export interface AutocompleteCacheOptions {
  now?: () => number;
  /** Least recently used answers go first beyond this. Default 5 000. */
  maxEntries?: number;
}

/**
 * Creates a cache of autocomplete answers keyed by (connector, slug, params, value); params are
 * compared with sorted keys, so `{a, b}` and `{b, a}` share an entry.
 * @example
 * const results = await cache.get({ connectorUuid, slug, params }, manifest.cacheExpirationInSeconds ?? 0, () =>
 *   client.autocomplete(connector, slug, params),
 * );
 */
export function createAutocompleteCache<T = AutocompleteResponseBody>({
  now = Date.now,
  maxEntries = AUTOCOMPLETE_CACHE_MAX_ENTRIES,
}: AutocompleteCacheOptions = {}): AutocompleteCache<T> {
  const answers = new Map<string, { value: T; expiresAt: number }>();
  const loading = new Map<string, Promise<T>>();

  function remember(id: string, value: T, ttlSeconds: number) {
    answers.delete(id);
    if (ttlSeconds <= 0) return;
    answers.set(id, { value, expiresAt: now() + ttlSeconds * 1000 });
    for (const oldest of answers.keys()) {
      if (answers.size <= maxEntries) break;
      answers.delete(oldest);
    }
  }

  return {
    get(key, ttlSeconds, load, options = {}) {
      const id = keyOf(key);
      const cached = answers.get(id);
      if (cached && !options.refresh) {
        if (cached.expiresAt > now()) {
          // Re-inserting keeps Map order least recently used first, for eviction.
          answers.delete(id);
          answers.set(id, cached);
          return Promise.resolve(cached.value);
        }
        answers.delete(id);
      }
      // An identical request already on its way started after the cached answer: it serves a refresh too.
      const pending = loading.get(id);
      if (pending) return pending;
      const promise = new Promise<T>((resolve) => resolve(load())).then(
        (value) => {
          if (loading.get(id) === promise) {
            loading.delete(id);
            remember(id, value, ttlSeconds);
          }
          return value;
        },
        (error: unknown) => {
          if (loading.get(id) === promise) loading.delete(id);
          throw error;
        },
      );
      loading.set(id, promise);
      return promise;
    },
    clear(connectorUuid) {
      for (const map of [answers, loading]) {
        for (const id of map.keys()) {
          if (connectorUuid === undefined || connectorOf(id) === connectorUuid) map.delete(id);
        }
      }
    },
  };
}

function keyOf({ connectorUuid, slug, params, value }: AutocompleteKey): string {
  return JSON.stringify([connectorUuid, slug, stableStringify(params), stableStringify(value)]);
}

function connectorOf(id: string): string {
  return (JSON.parse(id) as [string])[0];
}
