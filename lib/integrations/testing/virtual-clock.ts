/**
 * A clock that jumps to the end of the earliest pending sleep instead of waiting for it, one sleep
 * per turn of the event loop, so promise callbacks see the time a grant was made at.
 */
export function makeVirtualClock() {
  const pending: Array<{ until: number; resolve: () => void }> = [];
  let ticking = false;
  const tick = () => {
    ticking = false;
    pending.sort((a, b) => a.until - b.until);
    const next = pending.shift();
    if (!next) return;
    clock.time = Math.max(clock.time, next.until);
    next.resolve();
    schedule();
  };
  const schedule = () => {
    if (ticking || pending.length === 0) return;
    ticking = true;
    setImmediate(tick);
  };
  const clock = {
    time: 0,
    now: () => clock.time,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        pending.push({ until: clock.time + ms, resolve });
        schedule();
      }),
  };
  return clock;
}

/** The most times found in any window [t, t + windowMs). */
export function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

