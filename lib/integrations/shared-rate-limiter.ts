import type { RateLimit } from "@/lib/contract";
import { createRateLimiter, RATE_LIMIT_MARGIN_MS, RATE_LIMIT_UNIT_MS, type RateLimiter, type RateLimitSent } from "./rate-limiter";
import { sleep as realSleep } from "./sleep";

/** Where the windows every process shares are kept (`lib/db`'s `rateLimitWindows` on Postgres). */
export interface RateLimitWindowStore {
  take(bucketKey: string, max: number, unitMs: number, marginMs: number): Promise<{ granted: true; grantId: string } | { granted: false; waitMs: number }>;
  sent(grantId: string): Promise<void>;
  pause(bucketKey: string, ms: number): Promise<void>;
  pausedFor(bucketKey: string): Promise<number>;
}

export interface SharedRateLimiterOptions {
  /** This process's own limiter, taken first: it queues the process's callers in order, so only its head asks the store. */
  local?: RateLimiter;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long a key without a limit trusts the last answer about a pause another process set. Default 1 s. */
  pauseCheckMs?: number;
  now?: () => number;
  /** Told once when the store fails; calls then go on under the local limiter alone. */
  onStoreError?: (error: unknown) => void;
}

/**
 * A {@link RateLimiter} whose windows hold across processes: every grant of a limited bucket is
 * also taken in the shared store, so N workers on one database send at most the declared rate
 * together, and a 429 one of them got pauses the connector for all of them. A key without a limit
 * costs no round trip per call: it only learns of other processes' pauses, at most
 * `pauseCheckMs` late. If the store fails (the database is gone) the call goes on under this
 * process's limit alone rather than failing: a run should not die because a counter could not be
 * written.
 */
export function createSharedRateLimiter(store: RateLimitWindowStore, options: SharedRateLimiterOptions = {}): RateLimiter {
  const { local = createRateLimiter(), sleep = realSleep, pauseCheckMs = 1_000, now = Date.now } = options;
  const pauseChecks = new Map<string, { at: number; pausedFor: number }>();
  let warned = false;
  const storeFailed = (error: unknown) => {
    if (!warned) (options.onStoreError ?? ((e) => console.warn("[rate-limit] the shared window store failed; limiting per process", e)))(error);
    warned = true;
  };

  /** Another process's pause of a key without a limit, checked at most every `pauseCheckMs`. */
  async function waitForPause(key: string, signal?: AbortSignal): Promise<void> {
    const known = pauseChecks.get(key);
    let pausedFor = known && now() - known.at < pauseCheckMs ? known.pausedFor - (now() - known.at) : undefined;
    if (pausedFor === undefined) {
      pausedFor = await store.pausedFor(key).catch((error: unknown) => (storeFailed(error), 0));
      pauseChecks.set(key, { at: now(), pausedFor });
    }
    if (pausedFor > 0) await sleep(pausedFor, signal);
  }

  async function takeShared(key: string, limit: RateLimit, signal?: AbortSignal): Promise<RateLimitSent> {
    for (;;) {
      signal?.throwIfAborted();
      let taken: Awaited<ReturnType<RateLimitWindowStore["take"]>>;
      try {
        taken = await store.take(key, limit.max, RATE_LIMIT_UNIT_MS[limit.unit], RATE_LIMIT_MARGIN_MS);
      } catch (error) {
        storeFailed(error);
        return () => {};
      }
      if (taken.granted) return () => void store.sent(taken.grantId).catch(storeFailed);
      await sleep(taken.waitMs, signal);
    }
  }

  return {
    async acquire(key, limit, signal) {
      const localSent = await local.acquire(key, limit, signal);
      try {
        if (!limit) {
          await waitForPause(key, signal);
          return localSent;
        }
        const sharedSent = await takeShared(key, limit, signal);
        return () => {
          localSent();
          sharedSent();
        };
      } catch (error) {
        localSent();
        throw error;
      }
    },

    pause(key, ms) {
      local.pause(key, ms);
      pauseChecks.set(key, { at: now(), pausedFor: ms });
      void store.pause(key, ms).catch(storeFailed);
    },
  };
}
