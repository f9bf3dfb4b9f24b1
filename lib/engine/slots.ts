/**
 * At most `concurrency` holders at a time; the others wait in order. A slot given back passes
 * straight to the first waiter, so a late `acquire` cannot overtake it.
 */
export function createSlots(concurrency: number) {
  const waiting: Array<() => void> = [];
  let active = 0;
  return {
    /** Resolves once the caller holds a slot; it must `release` it. */
    async acquire(): Promise<void> {
      if (active < concurrency) {
        active++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else active--;
    },
    /** Slots held. */
    get active() {
      return active;
    },
    /** Slots nobody holds or waits for. */
    get free() {
      return Math.max(0, concurrency - active - waiting.length);
    },
  };
}
