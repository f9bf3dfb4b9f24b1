/** Runs tasks one at a time per key (an action that the manifest marks `isSerialized`, on one connector). */
export interface SerialLocks {
  /**
   * Runs `task` once every task of `key` that came before has settled, first come, first served;
   * the lock is released when it settles, fulfilled or not. Rejects with the signal's reason if it
   * aborts while waiting.
   */
  run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * Creates FIFO locks, one per key, held only while a key has a task running or waiting.
 * @example
 * await locks.run(`${connector.uuid}:action:${slug}`, () => client.call());
 */
export function createSerialLocks(): SerialLocks {
  // A key is present while its lock is held; its array holds the waiters in order.
  const queues = new Map<string, Array<() => void>>();

  function enter(key: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const queue = queues.get(key);
    if (!queue) {
      queues.set(key, []);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        queue.splice(queue.indexOf(wake), 1);
        reject(signal!.reason);
      };
      const wake = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      queue.push(wake);
    });
  }

  function leave(key: string): void {
    const queue = queues.get(key)!;
    const next = queue.shift();
    if (next) next();
    else queues.delete(key);
  }

  return {
    async run(key, task, signal) {
      await enter(key, signal);
      try {
        return await task();
      } finally {
        leave(key);
      }
    },
  };
}

let processLocks: SerialLocks | undefined;

/** The locks clients use when given none, so every caller in the process shares them. */
export function processSerialLocks(): SerialLocks {
  processLocks ??= createSerialLocks();
  return processLocks;
}
