/**
 * A node failed in a way retrying cannot fix (bad config, unknown action): the engine skips the
 * node's retry policy. Any other error is retried.
 */
export class PermanentNodeError extends Error {
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentNodeError";
  }
}

/** Whether an error from an action or the sandbox may succeed on another attempt. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof Error && error.name === "ExpressionError") return false;
  return !(typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === false);
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The store refused a save because the run was cancelled meanwhile: the walk must stop. */
export class RunCancelledError extends Error {
  readonly retryable = false;
  constructor() {
    super("The run was cancelled");
    this.name = "RunCancelledError";
  }
}

/**
 * The run hit one of its own caps (limits.ts), such as the number of executions: the run ends
 * `error` at once, whatever fallback the node has, since every later node would hit it too.
 */
export class RunLimitError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = "RunLimitError";
  }
}

/**
 * The store refused the run's state (a full disk, a lost connection): the walk cannot go on. As a
 * RunLimitError it ends the run at once, never retried as a node's or group's failure would be
 * (a retried group would call its items' actions again); the run system then ends the run from
 * its last saved state.
 */
export class RunNotSavedError extends RunLimitError {
  constructor(cause: unknown) {
    super(`The run's state could not be saved (${errorMessageOf(cause)})`);
    this.name = "RunNotSavedError";
    this.cause = cause;
  }
}

/** An action still answered `executing` when its polling policy ran out. */
export class StillExecutingError extends Error {
  /**
   * Its polls already waited out the action's `executing` policy: a node's retry would start them
   * over, multiplying the cap on calls (30) by the retry attempts (3 gave 90 calls).
   */
  readonly retryable = false;
  constructor(readonly calls: number) {
    super(`The action was still executing after ${calls} calls`);
    this.name = "StillExecutingError";
  }
}
