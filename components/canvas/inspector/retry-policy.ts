import type { NodeRetryPolicy } from "@/lib/contract";

/** The policy a node gets when retries are switched on. */
export const DEFAULT_RETRY: NodeRetryPolicy = { maximumAttempts: 3, initialInterval: 1000, backoffCoefficient: 2 };

/** The retry inputs as typed. */
export type RetryDraft = Record<keyof NodeRetryPolicy, string>;

export function retryDraft(policy: NodeRetryPolicy): RetryDraft {
  return {
    maximumAttempts: String(policy.maximumAttempts),
    initialInterval: String(policy.initialInterval),
    backoffCoefficient: String(policy.backoffCoefficient),
  };
}

/**
 * The policy the inputs describe, or what is wrong with each input: the contract's ranges
 * (attempts a whole number 1–100, interval a whole number of ms ≥ 0, coefficient ≥ 1).
 * @example parseRetry({ maximumAttempts: "0", initialInterval: "1000", backoffCoefficient: "2" }) // { errors: { maximumAttempts: "…" } }
 */
export function parseRetry(draft: RetryDraft): { policy: NodeRetryPolicy } | { errors: Partial<RetryDraft> } {
  const errors: Partial<RetryDraft> = {};
  const attempts = toNumber(draft.maximumAttempts);
  const interval = toNumber(draft.initialInterval);
  const coefficient = toNumber(draft.backoffCoefficient);
  if (attempts === undefined || !Number.isInteger(attempts) || attempts < 1 || attempts > 100) errors.maximumAttempts = "A whole number from 1 to 100";
  if (interval === undefined || !Number.isInteger(interval) || interval < 0) errors.initialInterval = "A whole number of milliseconds, 0 or more";
  if (coefficient === undefined || coefficient < 1) errors.backoffCoefficient = "A number, 1 or more";
  if (Object.keys(errors).length > 0) return { errors };
  return { policy: { maximumAttempts: attempts!, initialInterval: interval!, backoffCoefficient: coefficient! } };
}

function toNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
