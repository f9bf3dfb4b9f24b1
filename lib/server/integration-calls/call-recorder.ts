import type { IntegrationCallRepository, NewIntegrationCall } from "@/lib/db";

export interface CallRecorderOptions {
  store: Pick<IntegrationCallRepository, "insertMany">;
  /** How long calls gather before one write. Default 200 ms. */
  flushDelayMs?: number;
  /** Calls waiting past this (the database is down) drop the oldest first. Default 1 000. */
  maxQueued?: number;
  /** Told once per run of failed writes, until one succeeds again. */
  warn?: (message: string) => void;
}

/** Writes the inspector's calls off the calls' own path. */
export interface CallRecorder {
  /** Queues a redacted call; returns at once. */
  record(call: NewIntegrationCall): void;
  /** Writes what is queued now (and waits for writes already started). Never rejects. */
  flush(): Promise<void>;
}

/**
 * Batches the inspector's writes: a call only joins a queue, written (and pruned to the last 200
 * per server) a moment later in one go, so recording adds nothing a caller waits for and a failed
 * write fails no call. Best effort: a write that fails drops its calls with one warning, which
 * names no secret (the calls were redacted before they were queued).
 * @example
 * const recorder = createCallRecorder({ store: db.integrationCalls });
 * recorder.record(redactCall(observed, origin));
 */
export function createCallRecorder({ store, flushDelayMs = 200, maxQueued = 1_000, warn = console.warn }: CallRecorderOptions): CallRecorder {
  const queue: NewIntegrationCall[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = Promise.resolve();
  let failing = false;

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = queue.splice(0);
    if (batch.length === 0) return writing;
    // One write at a time, in order, so pruning never races the insert it follows.
    writing = writing.then(async () => {
      try {
        await store.insertMany(batch);
        failing = false;
      } catch (error) {
        if (!failing) warn(`[integration-calls] could not record ${batch.length} call(s) for the request inspector: ${(error as Error).message}`);
        failing = true;
      }
    });
    return writing;
  }

  return {
    record(call) {
      queue.push(call);
      if (queue.length > maxQueued) queue.splice(0, queue.length - maxQueued);
      if (timer) return;
      timer = setTimeout(() => void flush(), flushDelayMs);
      // A process may end with calls still queued: recording is not worth keeping it alive for.
      timer.unref?.();
    },
    flush,
  };
}
