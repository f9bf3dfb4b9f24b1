import { z } from "zod";
import { IsoDateTime } from "../api/common";

/** The shortest secret a batch webhook may be signed with: shorter ones are guessable. */
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

/**
 * The fields a batch is asked with to be told when it ends (Cargo's `--webhook-url
 * --webhook-secret`): both members of `CreateBatchRequestBody` and `ExecuteBatchRequestBody`
 * spread them, and {@link requireWebhookSecret} refines the whole body.
 */
export const BatchWebhookFields = {
  webhookUrl: z
    .url({ protocol: /^https?$/, error: "must be an http or https URL" })
    .optional()
    .describe("Where `batch.finished` is POSTed once the batch ends (success, error or cancelled)"),
  webhookSecret: z
    .string()
    .min(WEBHOOK_SECRET_MIN_LENGTH, `must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters`)
    .optional()
    .describe("Signs each delivery (`X-Relay-Signature`); required with webhookUrl, stored encrypted, never answered"),
};

/** A webhook is never sent unsigned, and a secret without a URL is a mistake worth naming. */
export function requireWebhookSecret(body: { webhookUrl?: string; webhookSecret?: string }, ctx: z.core.$RefinementCtx): void {
  if (body.webhookUrl !== undefined && body.webhookSecret === undefined) {
    ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: "Required with webhookUrl: every delivery is signed with it" });
  }
  if (body.webhookSecret !== undefined && body.webhookUrl === undefined) {
    ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "Required with webhookSecret" });
  }
}

/** `none`: no webhookUrl; `pending`: the batch has not ended, or a delivery is due; `failed`: every attempt failed. */
export const BatchWebhookStatus = z.enum(["none", "pending", "delivered", "failed"]);
export type BatchWebhookStatus = z.infer<typeof BatchWebhookStatus>;

/** Where a batch's `batch.finished` delivery stands; the secret is never part of it. */
export const BatchWebhook = z.object({
  status: BatchWebhookStatus,
  attempts: z.number().int().describe("Deliveries tried so far"),
  lastError: z.string().nullable().describe("Why the last attempt failed (HTTP status, timeout, unreachable)"),
  nextAttemptAt: IsoDateTime.nullable().describe("When a failed delivery is tried again"),
  deliveredAt: IsoDateTime.nullable(),
});
export type BatchWebhook = z.infer<typeof BatchWebhook>;

/** What a batch without a webhook answers. */
export const NO_BATCH_WEBHOOK: BatchWebhook = { status: "none", attempts: 0, lastError: null, nextAttemptAt: null, deliveredAt: null };
