import type { ActionResult } from "./action-result";

/** Completed action results by `Idempotency-Key`, and how often each key really executed. */
export interface IdempotencyLog {
  recall(actionSlug: string, key: string): ActionResult | undefined;
  remember(actionSlug: string, key: string, result: ActionResult): void;
  countExecution(key: string): void;
  /** `{key: executionCount}` for the stats hook. */
  executions(): Record<string, number>;
  reset(): void;
}

/** Creates an empty log. */
export function createIdempotencyLog(): IdempotencyLog {
  let results = new Map<string, ActionResult>();
  let executions = new Map<string, number>();
  // Scoped by action as well, so a key reused for another action cannot replay the wrong result.
  const scoped = (actionSlug: string, key: string) => `${actionSlug}\u0000${key}`;
  return {
    recall: (actionSlug, key) => results.get(scoped(actionSlug, key)),
    remember(actionSlug, key, result) {
      results.set(scoped(actionSlug, key), result);
    },
    countExecution(key) {
      executions.set(key, (executions.get(key) ?? 0) + 1);
    },
    executions: () => Object.fromEntries(executions),
    reset() {
      results = new Map();
      executions = new Map();
    },
  };
}
