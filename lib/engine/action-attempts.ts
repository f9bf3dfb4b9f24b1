import type { NodeRetryPolicy } from "@/lib/contract";
import { isRetryable, StillExecutingError } from "./errors";
import { MAX_EXECUTING_CALLS, MAX_RETRY_ATTEMPTS } from "./limits";
import type { ActionAnswer, Clock } from "./ports";
import { attemptsAllowed, DEFAULT_EXECUTING_POLICY, delayAfter, NO_RETRY, withDefaults } from "./retry-policy";

export type ExecutedAnswer = Extract<ActionAnswer, { outcome: "executed" }>;

/** What the waits between attempts sleep on, and what aborts them. */
export interface AttemptControl {
  clock: Pick<Clock, "sleep">;
  signal?: AbortSignal;
  /** Told of every call, `executing` polls included (an execution's `attempts`). */
  onCall?: () => void;
  /** Told of every failed attempt that will be tried again. */
  onRetry?: (attempt: number, error: unknown) => void;
}

/**
 * Runs `attempt` again after an error that may change (`isRetryable`), on `retry` (none when
 * absent) capped at MAX_RETRY_ATTEMPTS, and rethrows the last error. Every kind of node retries
 * through it.
 */
export async function withRetries<T>(attempt: () => Promise<T>, retry: Partial<NodeRetryPolicy> | undefined, { clock, signal, onRetry }: AttemptControl): Promise<T> {
  const policy = withDefaults(retry, NO_RETRY);
  const allowed = attemptsAllowed(policy, MAX_RETRY_ATTEMPTS);
  for (let count = 1; ; count++) {
    try {
      return await attempt();
    } catch (error) {
      if (signal?.aborted || !isRetryable(error) || count >= allowed) throw error;
      onRetry?.(count, error);
      await clock.sleep(delayAfter(policy, count), signal);
    }
  }
}

/**
 * Calls an action until it answers `executed`: while it answers `executing`, the same call (same
 * body, same Idempotency-Key) is made again on `executing` (DEFAULT_EXECUTING_POLICY filling what
 * it leaves out) capped at MAX_EXECUTING_CALLS, after which it throws StillExecutingError
 * (docs/architecture.md, decision 4).
 */
export async function callUntilExecuted(call: () => Promise<ActionAnswer>, executing: Partial<NodeRetryPolicy> | undefined, { clock, signal, onCall }: AttemptControl): Promise<ExecutedAnswer> {
  const policy = withDefaults(executing, DEFAULT_EXECUTING_POLICY);
  const allowed = attemptsAllowed(policy, MAX_EXECUTING_CALLS);
  for (let calls = 1; ; calls++) {
    onCall?.();
    const answer = await call();
    if (answer.outcome === "executed") return answer;
    if (calls >= allowed) throw new StillExecutingError(calls);
    await clock.sleep(delayAfter(policy, calls), signal);
  }
}

/**
 * One action under both of its policies: polled while `executing`, and tried again (polls and
 * all) after an error that may change. The one path for the engine's action nodes and the
 * playground's execute (lib/server/execute-action.ts).
 * @example
 * const answer = await callAction(() => port.execute(call), { retry: node.retry, executing: manifestAction.executing?.retry }, { clock, signal });
 */
export function callAction(
  call: () => Promise<ActionAnswer>,
  policies: { retry?: Partial<NodeRetryPolicy>; executing?: Partial<NodeRetryPolicy> },
  control: AttemptControl,
): Promise<ExecutedAnswer> {
  return withRetries(() => callUntilExecuted(call, policies.executing, control), policies.retry, control);
}
