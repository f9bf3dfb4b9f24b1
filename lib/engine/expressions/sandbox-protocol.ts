/** Limits of one sandbox session (one config's evaluation). */
export interface SandboxLimits {
  /** Per expression segment. */
  timeoutMs: number;
  /** On top of what the scope itself takes. */
  memoryBytes: number;
  stackBytes: number;
}

/**
 * What became of one expression segment. `json` is the value as JSON text, or undefined for
 * `undefined`; `detail` is the sandbox's own wording ("TypeError: …", "a function"). `budget`:
 * the config's expressions together ran out of time (see `SessionInput.budgetMs`).
 */
export type SegmentOutcome =
  | { kind: "value"; json: string | undefined }
  | { kind: "thrown"; detail: string }
  | { kind: "unserializable"; detail: string }
  | { kind: "timeout" }
  | { kind: "budget" }
  | { kind: "memory" }
  | { kind: "stack" }
  | { kind: "crashed"; detail: string };

export type SegmentFailure = Exclude<SegmentOutcome, { kind: "value" }>;

/** One config's work for the sandbox: its scope, and the codes to run in order in one context. */
export interface SessionInput {
  scopeJson: string;
  /** Each already known to be a single JavaScript expression. */
  codes: string[];
  limits: SandboxLimits;
  /** Time the whole session may take, from when a thread starts it. */
  budgetMs: number;
  /** Every code leaves the context's globals as they were, so the context may serve the next session. */
  reusable: boolean;
}

/**
 * How a session ended: every code's value (JSON text, undefined for `undefined`), or the first
 * failure and the index of the code that failed (the codes after it were not run), or a failure
 * to take in the scope at all.
 */
export type SessionResult =
  | { kind: "done"; values: Array<string | undefined> }
  | { kind: "failed"; index: number; outcome: SegmentFailure }
  | { kind: "notOpened"; outcome: SegmentFailure };

/**
 * Worker → host: `ready` once QuickJS is loaded, then one reply per session (a `SessionInput`;
 * a thread runs one at a time). `fatal` marks the last reply of a thread whose WebAssembly
 * instance trapped: it is ending itself.
 */
export type SandboxReply = { type: "ready" } | { type: "reply"; result: SessionResult; fatal?: boolean };

/** Fixed for a thread's life. */
export interface SandboxWorkerData {
  /** Maximum size of the thread's WebAssembly memory. */
  memoryCeilingBytes: number;
  /** A `BigInt64Array` over it has the `WATCH_*` slots. */
  watch: SharedArrayBuffer;
}

/**
 * Slots the worker writes before each code and the host reads from its watchdog timer, without a
 * message round trip: the time (ms since the epoch) by which the code must be done, 0 when the
 * session is over; the code's index (-1 while the scope goes in); 1 when that deadline is the
 * session's budget rather than the code's own time limit.
 */
export const WATCH_DEADLINE = 0;
export const WATCH_INDEX = 1;
export const WATCH_BUDGET = 2;
export const WATCH_SLOTS = 3;
