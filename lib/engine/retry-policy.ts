import type { NodeRetryPolicy } from "@/lib/contract";
import { MAX_RETRY_INTERVAL_MS, MIN_RETRY_INTERVAL_MS } from "./limits";

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

/**
 * The attempts a policy allows, at most `cap` (limits.ts): 0, "unlimited" in Temporal's terms,
 * and anything not a positive number mean the cap.
 */
export function attemptsAllowed(policy: NodeRetryPolicy, cap: number): number {
  const asked = policy.maximumAttempts;
  return Number.isFinite(asked) && asked >= 1 ? Math.min(Math.floor(asked), cap) : cap;
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), kept between
 * MIN_RETRY_INTERVAL_MS and MAX_RETRY_INTERVAL_MS whatever the policy says.
 */
export function delayAfter(policy: NodeRetryPolicy, attempt: number): number {
  const wanted = policy.initialInterval * policy.backoffCoefficient ** (attempt - 1);
  return Number.isNaN(wanted) ? MIN_RETRY_INTERVAL_MS : Math.min(MAX_RETRY_INTERVAL_MS, Math.max(MIN_RETRY_INTERVAL_MS, wanted));
}
