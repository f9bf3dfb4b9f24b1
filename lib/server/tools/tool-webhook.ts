import { createHash, randomBytes } from "node:crypto";
import { parseJsonBody } from "../json-body";
import type { Run, Tool } from "@/lib/contract";
import { readCappedText } from "@/lib/integrations/read-answer";
import { authSettings } from "../auth/auth-settings";
import { newSecret } from "../auth/secrets";
import type { Deps } from "../deps-types";
import { AppError, isAppError } from "../errors";
import { bodyTooLarge } from "../request-context";
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifyWebhookSignature } from "../webhooks/signature";
import { runTool } from "./run-tool";
import { getTool } from "./tools";

type WebhookDeps = Pick<Deps, "db" | "vault" | "integrations" | "runs">;

export const TOOL_WEBHOOK_SECRET_PREFIX = "whsec_";

/** A new secret for the tool's webhook, which it enables; answered this once, stored sealed. The old secret stops working at once. */
export async function rotateToolWebhook(deps: Pick<Deps, "db" | "vault">, workspaceUuid: string, uuid: string): Promise<{ tool: Tool; secret: string }> {
  const secret = newSecret(TOOL_WEBHOOK_SECRET_PREFIX);
  const done = await deps.db.tools.setWebhook(workspaceUuid, uuid, { sealedSecret: deps.vault.encrypt(secret), hint: secret.slice(-4) });
  if (!done) await getTool(deps, workspaceUuid, uuid);
  return { tool: await getTool(deps, workspaceUuid, uuid), secret };
}

/** Stops the webhook: every delivery is refused until a rotation enables it with a new secret. */
export async function disableToolWebhook(deps: Pick<Deps, "db">, workspaceUuid: string, uuid: string): Promise<Tool> {
  if (!(await deps.db.tools.setWebhook(workspaceUuid, uuid, { enabled: false }))) await getTool(deps, workspaceUuid, uuid);
  return getTool(deps, workspaceUuid, uuid);
}

const REFUSALS = {
  malformed: `Send ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the tool's webhook secret>`,
  stale: `The signature's time is more than ${DEFAULT_SIGNATURE_TOLERANCE_SECONDS / 60} minutes from the server's clock; sign each request when you send it`,
  mismatch: "The signature does not match this body with this tool's webhook secret",
  replay: "This signed request was received already; sign a new one to run the tool again",
};

// Signatures for a tool that does not exist (or whose webhook is off) are checked against this
// secret nobody has, so they fail the same way and take the same time as a wrong one.
const NOBODYS_SECRET = randomBytes(32).toString("base64url");

/**
 * A signed POST to a tool's webhook: the raw body is read once (under the body limit) and its
 * signature checked before anything is parsed; a wrong, stale or replayed signature, or a tool
 * with no enabled webhook, is the same 401, so an unsigned caller learns nothing of which tools
 * exist. Then the body, a JSON object, is the run's data, checked against the form as `/run` does.
 */
export async function receiveToolWebhook(
  deps: WebhookDeps,
  uuid: string,
  request: Request,
  { wait = false, now = new Date() }: { wait?: boolean; now?: Date } = {},
): Promise<{ runUuid: string } | { run: Run }> {
  const limit = authSettings().maxBodyBytes;
  const raw = await readCappedText(request, limit, () => bodyTooLarge(limit));
  const target = await deps.db.tools.webhookSecret(uuid);
  const secret = target ? deps.vault.decrypt<string>(target.sealedSecret) : NOBODYS_SECRET;
  const check = verifyWebhookSignature(secret, raw, request.headers.get(SIGNATURE_HEADER), now);
  if (!check.valid) throw refused(check.reason);
  if (!target) throw refused("mismatch");
  // A replay carries the same signed time and body; kept until that time leaves the window.
  const digest = createHash("sha256").update(`${check.timestamp}.`).update(raw).digest("hex");
  const expiresAt = new Date((check.timestamp + DEFAULT_SIGNATURE_TOLERANCE_SECONDS) * 1000).toISOString();
  if (!(await deps.db.tools.claimDelivery(uuid, digest, expiresAt, now.toISOString()))) throw refused("replay");
  let run: Run;
  try {
    run = await runTool(deps, target.workspaceUuid, uuid, parseData(raw), { wait });
  } catch (error) {
    // Our failure (a 5xx, the database), not the request's: the sender's retry of the same
    // signed request must not be taken for a replay. A refused body (4xx) stays used.
    if (!(isAppError(error) && error.status < 500)) await deps.db.tools.releaseDelivery(uuid, digest).catch(() => undefined);
    throw error;
  }
  return wait ? { run } : { runUuid: run.uuid };
}

function refused(reason: keyof typeof REFUSALS): AppError {
  return new AppError("unauthorized:webhookSignature", REFUSALS[reason], { reason: "invalidSignature" });
}

function parseData(raw: string): Record<string, unknown> {
  const value = raw.trim() === "" ? {} : parseJsonBody(raw);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new AppError("bad_request:body", "The body must be a JSON object: the run's data");
  return value as Record<string, unknown>;
}
