import { outboundRefusalOf, type OutboundFetch } from "@/lib/integrations/outbound";
import { SIGNATURE_HEADER, signWebhook } from "./signature";

/** How long one delivery attempt may take, connection to last byte of the answer's head. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookRequest {
  url: string;
  secret: string;
  /** `X-Relay-Event`, e.g. `batch.finished`. */
  event: string;
  /** `X-Relay-Delivery`: the same on every attempt of one event, so a receiver can drop repeats. */
  deliveryUuid: string;
  /** The JSON body, exactly as signed and sent. */
  body: string;
  /** The time signed into `X-Relay-Signature`. */
  now: Date;
  timeoutMs?: number;
  /** Aborts the attempt (the worker is stopping); an abort is not reported as the receiver's failure. */
  signal?: AbortSignal;
}

/** One attempt's outcome; `error` reads well in an answer and never holds the secret or the body. */
export type WebhookOutcome = { ok: true } | { ok: false; error: string };

/**
 * POSTs one signed webhook through the outbound guard (the receiver is a URL a user gave, so it
 * gets the same checks as any call made on a user's behalf). A 2xx is delivered; any other
 * status, a redirect (not followed: the body would go where the sender never asked), a timeout
 * or a connection failure is a failed attempt.
 */
export async function sendWebhook(outbound: OutboundFetch, request: WebhookRequest): Promise<WebhookOutcome> {
  const timeoutMs = request.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await outbound(request.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Relay-Event": request.event,
        "X-Relay-Delivery": request.deliveryUuid,
        [SIGNATURE_HEADER]: signWebhook(request.secret, request.body, request.now),
      },
      body: request.body,
      signal,
      redirect: "manual",
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true };
    return { ok: false, error: `The receiver answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
  } catch (error) {
    if (request.signal?.aborted) throw error;
    if (timeout.aborted) return { ok: false, error: `The receiver did not answer within ${timeoutMs / 1000} s` };
    const refusal = outboundRefusalOf(error);
    if (refusal) return { ok: false, error: refusal.message };
    return { ok: false, error: `The receiver could not be reached: ${causeOf(error)}` };
  }
}

/** fetch fails with "fetch failed" and the reason in `cause` (ECONNREFUSED, ENOTFOUND, a TLS error). */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
