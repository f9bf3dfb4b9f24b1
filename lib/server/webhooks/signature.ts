import { createHmac, timingSafeEqual } from "node:crypto";

/** The header a signed webhook carries: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SIGNATURE_HEADER = "X-Relay-Signature";

/** How far a signature's time may be from the verifier's clock, either way, before it is refused as a replay. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** Why a signature was refused: unreadable header, a time outside the tolerance, or no `v1` that matches. */
export type WebhookVerification = { valid: true; timestamp: number } | { valid: false; reason: "malformed" | "stale" | "mismatch" };

/**
 * The `X-Relay-Signature` value for a body sent at `now` (Stripe's scheme): the time is signed
 * with the body, so a captured delivery cannot be replayed later under a fresh time.
 * @example signWebhook("whsec_0123456789abcdef", '{"event":"batch.finished"}', new Date()) // → "t=1767225600,v1=5f1c…"
 */
export function signWebhook(secret: string, body: string | Uint8Array, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

/**
 * Checks a signature header against the raw body as received, in constant time per candidate.
 * Several `v1` entries are accepted (a sender rolling its secret signs with both); the time must
 * be within `toleranceSeconds` of `now`.
 * @example
 * const check = verifyWebhookSignature(secret, rawBody, request.headers.get("x-relay-signature"), new Date());
 * if (!check.valid) return new Response(check.reason, { status: 401 });
 */
export function verifyWebhookSignature(
  secret: string,
  body: string | Uint8Array,
  header: string | null | undefined,
  now: Date,
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): WebhookVerification {
  const parsed = parseHeader(header ?? "");
  if (!parsed) return { valid: false, reason: "malformed" };
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) return { valid: false, reason: "stale" };
  const expected = Buffer.from(digest(secret, parsed.timestamp, body), "hex");
  // Every candidate is compared, so the time taken does not tell which one matched.
  let matched = false;
  for (const candidate of parsed.signatures) {
    const given = Buffer.from(candidate, "hex");
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? { valid: true, timestamp: parsed.timestamp } : { valid: false, reason: "mismatch" };
}

function digest(secret: string, timestamp: number, body: string | Uint8Array): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (value === undefined || rest.length > 0) continue;
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? null : { timestamp, signatures };
}
