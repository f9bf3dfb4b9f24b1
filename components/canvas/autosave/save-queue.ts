/** What the autosave needs from its owner: what to save next, and how. */
export interface SaveQueueOptions<T> {
  /** Quiet time after the last change before saving, in ms. */
  delayMs: number;
  /** The request to send now, or null when nothing is unsaved (or saving is paused). */
  next(): T | null;
  /** Sends one request; a rejection marks the save failed (the edits stay unsaved and are retried later). */
  save(request: T): Promise<void>;
  onSaving?(): void;
  onIdle?(): void;
  onFailed?(error: unknown): void;
}

export interface SaveQueue {
  /** Call after every change: (re)starts the debounce. */
  changed(): void;
  /** Saves now (after the save in flight, if any); rejects if that save fails. */
  flush(): Promise<void>;
  /** Stops the debounce timer; a save in flight still finishes. */
  dispose(): void;
}

/**
 * A debounced, strictly serial autosave: never two saves in flight. A change made while a save is
 * in flight is saved right after it (each save reads the latest state through `next`, so it
 * carries the `updatedAt` the previous save returned).
 * @example const queue = createSaveQueue({ delayMs: 800, next: pendingSave, save: put }); store.subscribe(queue.changed);
 */
export function createSaveQueue<T>(options: SaveQueueOptions<T>): SaveQueue {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let rerun = false;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  function run(): Promise<void> {
    clearTimer();
    if (inFlight) {
      rerun = true;
      return inFlight;
    }
    const request = options.next();
    if (request === null) return Promise.resolve();
    options.onSaving?.();
    const current = options.save(request).then(
      () => {
        inFlight = null;
        if (rerun) {
          rerun = false;
          return run();
        }
        options.onIdle?.();
      },
      (error: unknown) => {
        inFlight = null;
        rerun = false;
        options.onFailed?.(error);
        throw error;
      },
    );
    inFlight = current;
    return current;
  }

  return {
    changed() {
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        // A failure is reported through onFailed; the next change tries again.
        run().catch(() => {});
      }, options.delayMs);
    },
    flush: run,
    dispose: clearTimer,
  };
}
