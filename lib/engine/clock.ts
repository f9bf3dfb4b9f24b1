import type { Clock } from "./ports";

/** setTimeout's longest wait; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `Date` as the process started with it, when its launcher kept it (scripts/compiled.mjs: the
 * production server and the worker). Next 16 replaces the global `Date` with a wrapper that looks
 * for a prerender on every `new Date()`, about 2% of a run's CPU in the engine bench; the engine
 * is never inside a prerender. Its dates are the same `Date`s, of the one `Date.prototype`.
 */
const NativeDate = ((globalThis as Record<symbol, unknown>)[Symbol.for("relay.nativeDate")] as DateConstructor | undefined) ?? Date;

/** The wall clock; `sleep` rejects with the signal's reason when aborted, and may last past 24.8 days. */
export const systemClock: Clock = {
  now: () => new NativeDate(),
  timer: (ms, callback) => {
    const timer = setTimeout(callback, Math.min(MAX_TIMER_MS, Math.max(0, ms)));
    return () => clearTimeout(timer);
  },
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const until = Date.now() + Math.max(0, ms);
      let timer = setTimeout(tick, Math.min(MAX_TIMER_MS, Math.max(0, ms)));
      function tick() {
        const left = until - Date.now();
        if (left > 0) {
          timer = setTimeout(tick, Math.min(MAX_TIMER_MS, left));
          return;
        }
        signal?.removeEventListener("abort", abort);
        resolve();
      }
      function abort() {
        clearTimeout(timer);
        reject(signal!.reason);
      }
      signal?.addEventListener("abort", abort, { once: true });
    }),
};
