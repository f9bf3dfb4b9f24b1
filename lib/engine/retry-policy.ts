import type { NodeRetryPolicy } from "@/lib/contract";

/** One attempt and no retry: what a node without a policy gets. */
export const NO_RETRY: NodeRetryPolicy = { maximumAttempts: 1, initialInterval: 0, backoffCoefficient: 1 };

/** docs/architecture.md, decision 4: re-call on `executing` after 1 s, ×2 each time, 10 attempts, unless the action says otherwise. */
export const DEFAULT_EXECUTING_POLICY: NodeRetryPolicy = { maximumAttempts: 10, initialInterval: 1_000, backoffCoefficient: 2 };

/** Fills a partial policy from a fallback, field by field. */
export function withDefaults(policy: Partial<NodeRetryPolicy> | undefined, fallback: NodeRetryPolicy): NodeRetryPolicy {
  return {
    maximumAttempts: policy?.maximumAttempts ?? fallback.maximumAttempts,
    initialInterval: policy?.initialInterval ?? fallback.initialInterval,
    backoffCoefficient: policy?.backoffCoefficient ?? fallback.backoffCoefficient,
  };
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function delayAfter(policy: NodeRetryPolicy, attempt: number): number {
  return policy.initialInterval * policy.backoffCoefficient ** (attempt - 1);
}

/** Whether another attempt is allowed after `attempt` attempts; 0 means unlimited, as in Temporal. */
export function mayRetry(policy: NodeRetryPolicy, attempt: number): boolean {
  return policy.maximumAttempts === 0 || attempt < policy.maximumAttempts;
}
