import { createHash, randomBytes } from "node:crypto";
import type { OauthStateRepository } from "@/lib/db";
import { AppError } from "./errors";

/** How long a started sign-in may take before its state is refused. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

export const OAUTH_STATE_REFUSED_MESSAGE = "This sign-in link has expired or was already used. Start again from Connect.";

/** What a state is bound to; completeOauth must present the same values. */
export interface OauthStateBinding {
  workspaceUuid: string;
  integrationSlug: string;
  redirectUri: string;
  connectorUuid: string | null;
}

/** Why a state was refused; the operator sees one message, tests and logs see the reason. */
export type OauthStateRefusal = "unknown" | "used" | "expired" | "mismatch";

/**
 * Issues a random, single-use state for one OAuth round trip, stored server-side as a SHA-256
 * hash. A table row rather than a signed token: single use needs a record anyway, and a random
 * value looked up by hash has no key to rotate or leak. The integration slug is a readable prefix
 * so the callback page knows which integration to finish with; only the random part is secret.
 * @example const { state } = await issueOauthState(db.oauthStates, { workspaceUuid, integrationSlug, redirectUri, connectorUuid: null });
 */
export async function issueOauthState(
  repo: OauthStateRepository,
  binding: OauthStateBinding,
  now: Date = new Date(),
): Promise<{ state: string; expiresAt: string }> {
  await repo.removeExpired(now.toISOString());
  const state = `${binding.integrationSlug}.${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + OAUTH_STATE_TTL_MS).toISOString();
  await repo.create(hashState(state), { ...binding, createdAt: now.toISOString(), expiresAt });
  return { state, expiresAt };
}

/**
 * Checks a state against what it was issued for and marks it used, or throws a 400 `AppError`
 * (reason `oauthStateRefused`) without marking it. Call it before anything reaches the integration.
 */
export async function consumeOauthState(
  repo: OauthStateRepository,
  state: string,
  binding: OauthStateBinding,
  now: Date = new Date(),
): Promise<void> {
  const hash = hashState(state);
  const stored = await repo.get(binding.workspaceUuid, hash);
  const refusal: OauthStateRefusal | null = !stored
    ? "unknown"
    : stored.usedAt
      ? "used"
      : stored.expiresAt <= now.toISOString()
        ? "expired"
        : stored.integrationSlug !== binding.integrationSlug ||
            stored.redirectUri !== binding.redirectUri ||
            stored.connectorUuid !== binding.connectorUuid
          ? "mismatch"
          : null;
  if (refusal) throw refused(refusal, binding);
  if (!(await repo.markUsed(binding.workspaceUuid, hash, now.toISOString()))) throw refused("used", binding);
}

/**
 * A refused state. Why (`refusal`) stays on the server, in the log: telling a caller that a state
 * is live but bound elsewhere would let someone holding it probe for what it is bound to.
 */
export class OauthStateRefusedError extends AppError {
  constructor(readonly refusal: OauthStateRefusal) {
    super("bad_request:oauth_state", OAUTH_STATE_REFUSED_MESSAGE, { reason: "oauthStateRefused" });
  }
}

function refused(refusal: OauthStateRefusal, binding: OauthStateBinding): OauthStateRefusedError {
  console.warn(`[oauth] refused a state for ${binding.integrationSlug}: ${refusal}`);
  return new OauthStateRefusedError(refusal);
}

function hashState(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}
