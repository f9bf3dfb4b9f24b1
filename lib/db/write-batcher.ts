/** What `many` answers for an item it did not write (its row was locked, say): it is written alone. */
export const WRITE_ALONE = Symbol("write alone");

/**
 * Coalesces many small writes into few statements, group-commit style: a write goes out at once
 * while fewer than `slots` statements (one by default) are in flight, and those that come
 * meanwhile go out together, as one statement, when a slot frees. The batch size follows the load by itself (one
 * write when idle, several under load), and no write waits on a timer.
 *
 * Why: on Postgres a statement's cost is mostly its round trip (the driver's work, the socket
 * write that wakes the server, the server's parse and commit), not its rows. A run writes once or
 * twice (its insert and its ending save); under load, runs written together share statements.
 *
 * Writes of one key (one run) are never in flight together: a later one waits for the earlier,
 * so they land in the order they were asked. An item `many` answers WRITE_ALONE for, and every
 * item of a batch that failed, is written again on its own, outside the slots, so only a write
 * that fails by itself is refused, with its own error, and a write that has to wait (for a row
 * another transaction holds) holds up nothing but itself.
 */
export function createWriteBatcher<T, R>({
  key,
  many,
  one,
  maxBatch = 64,
  slots = 1,
  alone = () => true,
}: {
  key: (item: T) => string;
  /** Writes several items in one statement; answers each one's result, in order, or WRITE_ALONE. */
  many: (items: T[]) => Promise<Array<R | typeof WRITE_ALONE>>;
  /** Writes one item: a batch of one (see `alone`), and each item `many` did not write. */
  one: (item: T) => Promise<R>;
  /** Whether a batch of just this item goes to `one` (the default) rather than to `many`. */
  alone?: (item: T) => boolean;
  maxBatch?: number;
  slots?: number;
}) {
  interface Waiting {
    item: T;
    key: string;
    resolve: (result: R) => void;
    reject: (error: unknown) => void;
  }
  let queue: Waiting[] = [];
  /** Keys with a write in flight. */
  const busy = new Set<string>();
  let inFlight = 0;

  /** The next batch: the oldest waiting write of each key not in flight, at most `maxBatch`; the rest wait on. */
  function nextBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const waiting of queue) {
      if (batch.length >= maxBatch || busy.has(waiting.key)) rest.push(waiting);
      else {
        busy.add(waiting.key);
        batch.push(waiting);
      }
    }
    queue = rest;
    return batch;
  }

  function pump(): void {
    while (inFlight < slots) {
      const batch = nextBatch();
      if (batch.length === 0) return;
      inFlight++;
      void send(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  function done(waiting: Waiting): void {
    busy.delete(waiting.key);
    // A write of the same key may be waiting for this one.
    if (queue.length > 0) pump();
  }

  /** Writes one item on its own; settles its caller. */
  function writeAlone(waiting: Waiting): Promise<void> {
    return one(waiting.item).then(
      (result) => {
        done(waiting);
        waiting.resolve(result);
      },
      (error: unknown) => {
        done(waiting);
        waiting.reject(error);
      },
    );
  }

  async function send(batch: Waiting[]): Promise<void> {
    if (batch.length === 1 && alone(batch[0]!.item)) return writeAlone(batch[0]!);
    let results: Array<R | typeof WRITE_ALONE>;
    try {
      results = await many(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error(`${results.length} results for ${batch.length} writes`);
    } catch {
      // Which write broke it is not known: each one alone answers for itself.
      results = batch.map(() => WRITE_ALONE);
    }
    batch.forEach((waiting, index) => {
      const result = results[index]!;
      if (result === WRITE_ALONE) void writeAlone(waiting);
      else {
        done(waiting);
        waiting.resolve(result);
      }
    });
  }

  return {
    /** Resolves with the item's result once the statement holding it is done; rejects with its own error. */
    write(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, key: key(item), resolve, reject });
        pump();
      });
    },
    /** Writes waiting for a statement (tests). */
    get waiting() {
      return queue.length;
    },
  };
}
