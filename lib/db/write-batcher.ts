/**
 * Coalesces many small writes into few statements, group-commit style: the first write goes out
 * at once, and those that come while it is in flight go out together, as one statement, when it
 * is done. The batch size follows the load by itself (one write when idle, several under load),
 * and no write waits on a timer.
 *
 * Why: on Postgres a statement's cost to the app is mostly the round trip (the driver's work and
 * the socket write that wakes the server), not its rows. A run writes twice (its insert and its
 * ending save); under load, runs ending together then share those statements.
 *
 * A batch never holds two writes with the same key (two saves of one run): the later one goes in
 * the next batch, so writes of one key land in the order they were asked. When a batch of several
 * fails, each of its writes is tried again alone, so only a write that fails on its own is
 * refused, with its own error.
 */
export function createWriteBatcher<T, R>({
  key,
  many,
  one,
  maxBatch = 64,
}: {
  key: (item: T) => string;
  /** Writes several items in one statement; answers each one's result, in order. */
  many: (items: T[]) => Promise<R[]>;
  /** Writes one item (a batch of one, and each item again after a batch failed). */
  one: (item: T) => Promise<R>;
  maxBatch?: number;
}) {
  interface Waiting {
    item: T;
    resolve: (result: R) => void;
    reject: (error: unknown) => void;
  }
  let queue: Waiting[] = [];
  let draining = false;

  /** The next batch: the oldest waiting write of each key, at most `maxBatch`; the rest wait on. */
  function nextBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    const rest: Waiting[] = [];
    for (const waiting of queue) {
      const itemKey = key(waiting.item);
      if (batch.length >= maxBatch || keys.has(itemKey)) rest.push(waiting);
      else {
        keys.add(itemKey);
        batch.push(waiting);
      }
    }
    queue = rest;
    return batch;
  }

  async function writeAlone(waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await one(waiting.item));
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        const batch = nextBatch();
        if (batch.length === 1) {
          await writeAlone(batch[0]!);
          continue;
        }
        let results: R[] | undefined;
        try {
          results = await many(batch.map((waiting) => waiting.item));
        } catch {
          // Which write broke it is not known: each one alone answers for itself.
          for (const waiting of batch) await writeAlone(waiting);
          continue;
        }
        batch.forEach((waiting, index) => waiting.resolve(results[index]!));
      }
    } finally {
      draining = false;
    }
  }

  return {
    /** Resolves with the item's result once the statement holding it is done; rejects with its own error. */
    write(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!draining) void drain();
      });
    },
    /** Writes waiting for the statement in flight (tests). */
    get waiting() {
      return queue.length;
    },
  };
}
