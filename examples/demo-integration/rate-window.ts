/** One request as the rate window saw it, by the demo's own clock. */
export interface WindowedCall {
  /** Arrival, ms since the epoch (`Date.now()` of the demo's process). */
  at: number;
  /** The connector uuid from the body (`connector.uuid`), "" when the body names none. */
  connector: string;
  /** `POST /actions/lookupRecord/execute` */
  call: string;
  status: number;
}

/** The most calls kept for `/_demo/stats`; older ones are dropped. */
export const MAX_WINDOWED_CALLS = 20_000;

/**
 * The connector rate limit enforced: per connector, at most `max` calls admitted in any sliding
 * window of `windowMs` (half-open, so a call exactly `windowMs` after another is in a new window).
 * Refused calls do not count against the window. Every call is logged with its status.
 */
export interface RateWindow {
  /** Admits a call arriving at `at`, or answers how many ms until the window has room. */
  admit(connector: string, at: number): number | null;
  log(call: WindowedCall): void;
  snapshot(): { max: number; windowMs: number; tooManyRequests: number; calls: WindowedCall[] };
  reset(): void;
}

/** Creates an empty sliding window of `max` calls per `windowMs` per connector. */
export function createRateWindow(max: number, windowMs = 1_000): RateWindow {
  let admitted = new Map<string, number[]>();
  let calls: WindowedCall[] = [];
  let tooManyRequests = 0;
  return {
    admit(connector, at) {
      const times = (admitted.get(connector) ?? []).filter((time) => time > at - windowMs);
      admitted.set(connector, times);
      if (times.length >= max) return Math.max(times[times.length - max]! + windowMs - at, 1);
      times.push(at);
      return null;
    },
    log(call) {
      if (call.status === 429) tooManyRequests += 1;
      calls.push(call);
      // Dropped in halves, so a long-running demo does not copy the log on every call.
      if (calls.length >= 2 * MAX_WINDOWED_CALLS) calls = calls.slice(-MAX_WINDOWED_CALLS);
    },
    snapshot: () => ({ max, windowMs, tooManyRequests, calls: calls.slice(-MAX_WINDOWED_CALLS) }),
    reset() {
      admitted = new Map();
      calls = [];
      tooManyRequests = 0;
    },
  };
}
