import type { Clock } from "../ports";

/**
 * A clock that moves only when told: `sleep` timers fire during `advance`, in time order, each
 * one's continuation running before the next fires. A sleep of 0 ms or less resolves at once.
 * @example const clock = createFakeClock(); await clock.advance(60 * 60_000);
 */
export function createFakeClock(start = Date.parse("2030-01-01T00:00:00.000Z")) {
  let time = start;
  const timers = new Set<{ at: number; fire: () => void }>();

  const clock: Clock = {
    now: () => new Date(time),
    timer: (ms, callback) => {
      const timer = { at: time + Math.max(0, ms), fire: callback };
      timers.add(timer);
      return () => void timers.delete(timer);
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms <= 0) return resolve();
        const timer = {
          at: time + Math.max(0, ms),
          fire: () => {
            signal?.removeEventListener("abort", abort);
            resolve();
          },
        };
        function abort() {
          timers.delete(timer);
          reject(signal!.reason);
        }
        timers.add(timer);
        signal?.addEventListener("abort", abort, { once: true });
      }),
  };

  /** Lets every pending promise continuation run (they all drain before the next macrotask). */
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  return {
    ...clock,
    async advance(ms: number): Promise<void> {
      const target = time + ms;
      for (;;) {
        await settle();
        const due = [...timers].filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due);
        time = Math.max(time, due.at);
        due.fire();
      }
      time = target;
      await settle();
    },
    /** Timers waiting to fire, and when. */
    pending: () => [...timers].map((timer) => timer.at).sort((a, b) => a - b),
  };
}

export type FakeClock = ReturnType<typeof createFakeClock>;
