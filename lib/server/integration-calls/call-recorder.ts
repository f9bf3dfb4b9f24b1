import type { IntegrationCallRepository, NewIntegrationCall } from "@/lib/db";
import type { CapturedCall } from "./capture-call";
import { redactCall, type CallOrigin } from "./redact-call";

export interface CallRecorderOptions {
  store: Pick<IntegrationCallRepository, "insertMany">;
  /** How long calls gather before one write. Default 200 ms. */
  flushDelayMs?: number;
  /** Calls waiting past this many (the database is slow or down) drop the oldest first. Default 1 000. */
  maxQueued?: number;
  /** The same for the characters their bodies hold. Default 16 M. */
  maxQueuedChars?: number;
  /** Told once per run of failed writes (or of dropped calls), until a write succeeds again. */
  warn?: (message: string) => void;
}

/** Writes the inspector's calls off the calls' own path. */
export interface CallRecorder {
  /** Queues a captured call, unredacted still, with what redacting it needs; returns at once. */
  record(call: CapturedCall, origin: CallOrigin): void;
  /** Writes what is queued now, waiting at most `timeoutMs` (a hung database must not hang a shutdown). Never rejects. */
  flush(timeoutMs: number): Promise<void>;
  /** How many calls were dropped so far because the queue was full. */
  readonly dropped: number;
}

interface Pending {
  seq: number;
  call: CapturedCall;
  origin: CallOrigin;
  chars: number;
}

/** Calls redacted and written per write; the next write starts once this one ended. */
const BATCH = 100;
/** How long redaction may hold the event loop before it lets other work run. */
const SLICE_MS = 10;

/**
 * Batches the inspector's writes: a call only joins a capped queue, and a moment later it is
 * redacted and written (and its server pruned to the last 200) with the others, so recording
 * adds nothing a caller waits for and a failed write fails no call. One write at a time: while
 * one hangs (Postgres down), calls wait in the queue, the oldest dropped past its cap. Best
 * effort: a write that fails drops its calls with one warning. Unredacted calls never leave
 * the recorder: a warning names counts only, never a call or an error raised while redacting it.
 * @example
 * const recorder = createCallRecorder({ store: db.integrationCalls });
 * recorder.record(captureCall(observed), origin);
 */
export function createCallRecorder({ store, flushDelayMs = 200, maxQueued = 1_000, maxQueuedChars = 16 * 1024 * 1024, warn = console.warn }: CallRecorderOptions): CallRecorder {
  const queue: Pending[] = [];
  let queuedChars = 0;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> | undefined;
  let failing = false;
  let dropping = false;
  let dropped = 0;

  function schedule(delayMs: number): void {
    if (timer || writing) return;
    timer = setTimeout(() => {
      timer = undefined;
      startWrite();
    }, delayMs);
    // A process may end with calls still queued: recording is not worth keeping it alive for.
    timer.unref?.();
  }

  function startWrite(): void {
    if (writing || queue.length === 0) return;
    const batch = queue.splice(0, BATCH);
    queuedChars -= batch.reduce((sum, pending) => sum + pending.chars, 0);
    writing = write(batch).finally(() => {
      writing = undefined;
      if (queue.length > 0) schedule(queue.length >= BATCH ? 0 : flushDelayMs);
    });
  }

  async function write(batch: Pending[]): Promise<void> {
    const rows = await redactAll(batch);
    try {
      if (rows.length > 0) await store.insertMany(rows);
      failing = dropping = false;
    } catch (error) {
      if (!failing) warn(`[integration-calls] could not record ${rows.length} call(s) for the request inspector: ${(error as Error).message}`);
      failing = true;
    }
  }

  async function redactAll(batch: Pending[]): Promise<NewIntegrationCall[]> {
    const rows: NewIntegrationCall[] = [];
    let unredactable = 0;
    let sliceStart = performance.now();
    for (const { call, origin } of batch) {
      try {
        rows.push(redactCall(call, origin));
      } catch {
        unredactable++;
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    if (unredactable > 0) warn(`[integration-calls] could not redact ${unredactable} call(s); they were not recorded`);
    return rows;
  }

  function dropOldest(): void {
    while (queue.length > maxQueued || (queuedChars > maxQueuedChars && queue.length > 1)) {
      queuedChars -= queue.shift()!.chars;
      dropped++;
      if (!dropping) warn(`[integration-calls] the request inspector's queue is full: dropping the oldest calls until writes catch up`);
      dropping = true;
    }
  }

  /** Waits until every call queued up to `last` was written (or dropped). */
  async function drain(last: number): Promise<void> {
    for (;;) {
      if (writing) await writing;
      else if (queue.length > 0 && queue[0]!.seq <= last) startWrite();
      else return;
    }
  }

  return {
    record(call, origin) {
      const chars = (call.requestBody?.text.length ?? 0) + (call.responseBody?.text.length ?? 0);
      queue.push({ seq: ++seq, call, origin, chars });
      queuedChars += chars;
      dropOldest();
      schedule(flushDelayMs);
    },
    async flush(timeoutMs) {
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs)));
      clearTimeout(timer);
      timer = undefined;
      await Promise.race([drain(seq), gaveUp]);
      clearTimeout(timeout);
    },
    get dropped() {
      return dropped;
    },
  };
}
