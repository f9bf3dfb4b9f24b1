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
 * `undefined`; `detail` is the sandbox's own wording ("TypeError: …", "a function").
 */
export type SegmentOutcome =
  | { kind: "value"; json: string | undefined }
  | { kind: "thrown"; detail: string }
  | { kind: "unserializable"; detail: string }
  | { kind: "timeout" }
  | { kind: "memory" }
  | { kind: "stack" }
  | { kind: "crashed"; detail: string };

/** What the host asks for an answer to: `open` starts a session holding the scope (as JSON), `evaluate` runs code in it. */
export type SandboxCommand = { type: "open"; scopeJson: string; limits: SandboxLimits } | { type: "evaluate"; code: string };

/** Host → worker: a command with the id its reply will carry, or `close` (no reply) to end the session. */
export type SandboxRequest = (SandboxCommand & { id: number }) | { type: "close" };

/**
 * Worker → host: `ready` once QuickJS is loaded, then one reply per `open`/`evaluate`. `fatal`
 * marks the last reply of a thread whose WebAssembly instance trapped: it is ending itself.
 */
export type SandboxReply = { type: "ready" } | { type: "reply"; id: number; outcome: SegmentOutcome; fatal?: boolean };

/** Fixed for a thread's life. */
export interface SandboxWorkerData {
  /** Maximum size of the thread's WebAssembly memory. */
  memoryCeilingBytes: number;
}
