import type { BatchFinishedEvent } from "@/lib/contract";
import type { BatchWebhookTarget } from "@/lib/db/repositories/batch-webhooks";
import type { Vault } from "@/lib/vault";
import type { Deps } from "../deps-types";
import { sendWebhook, WEBHOOK_TIMEOUT_MS, type WebhookOutcome } from "../webhooks/send-webhook";
import { batchView } from "./batch-view";

type WebhookDeps = Pick<Deps, "db" | "vault" | "integrations">;

export interface BatchWebhookTiming {
  /** How long a claimed delivery is held: longer than an attempt can take. */
  leaseMs: number;
  timeoutMs: number;
  /** The wait after each failed attempt; one attempt more than there are delays, then `failed`. */
  retryDelaysMs: readonly number[];
}

/** Five attempts: at once, then after 10 s, 1 min, 5 min and 30 min. */
export const DEFAULT_WEBHOOK_TIMING: BatchWebhookTiming = {
  leaseMs: 60_000,
  timeoutMs: WEBHOOK_TIMEOUT_MS,
  retryDelaysMs: [10_000, 60_000, 5 * 60_000, 30 * 60_000],
};

/** The webhook a batch was asked with, its secret sealed for storage; null when it was asked without one. */
export function sealBatchWebhook(vault: Vault, batch: { uuid: string; workspaceUuid: string }, body: { webhookUrl?: string; webhookSecret?: string }) {
  if (!body.webhookUrl || !body.webhookSecret) return null;
  return {
    batchUuid: batch.uuid,
    workspaceUuid: batch.workspaceUuid,
    url: body.webhookUrl,
    sealedSecret: vault.encrypt(body.webhookSecret),
  };
}

/**
 * One attempt of a claimed delivery: `{event: "batch.finished", batch}` with the batch as the API
 * answers it now, signed with the secret opened only here. The outcome is written only while
 * `holder` still holds the delivery: delivered, retried after the next delay, or `failed` after
 * the last attempt. Stopping the worker mid-attempt gives the delivery back uncounted.
 */
export async function deliverBatchWebhook(
  deps: WebhookDeps,
  target: BatchWebhookTarget,
  holder: string,
  { now, timing = DEFAULT_WEBHOOK_TIMING, signal }: { now: Date; timing?: BatchWebhookTiming; signal?: AbortSignal },
): Promise<void> {
  let outcome: WebhookOutcome;
  try {
    const secret = deps.vault.decrypt<string>(target.sealedSecret);
    const batch = await batchView(deps, target.workspaceUuid, target.batchUuid);
    const body = JSON.stringify({ event: "batch.finished", deliveryUuid: target.deliveryUuid, batch } satisfies BatchFinishedEvent);
    outcome = await sendWebhook(deps.integrations.outbound, {
      url: target.url,
      secret,
      event: "batch.finished",
      deliveryUuid: target.deliveryUuid,
      body,
      now,
      timeoutMs: timing.timeoutMs,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) return deps.db.batchWebhooks.release(target.batchUuid, holder);
    // A vault error says the key changed, never what it sealed.
    outcome = { ok: false, error: (error as Error)?.message ?? String(error) };
  }
  const attempt = target.attempts + 1;
  const delay = timing.retryDelaysMs[attempt - 1];
  if (!outcome.ok) console.warn(`[batches] webhook of batch ${target.batchUuid}, attempt ${attempt}: ${outcome.error}`);
  await deps.db.batchWebhooks.record(
    target.batchUuid,
    holder,
    outcome.ok ? { delivered: now } : { error: outcome.error, retryAt: delay === undefined ? null : new Date(now.getTime() + delay) },
  );
}
