import type { IntegrationCheckRequestBody, IntegrationCheckResponseBody } from "@/lib/contract";
import { checkIntegration, DEFAULT_CHECK_TIMEOUT_MS, fetchThrough, type CheckOptions } from "@/lib/integrations/checker";
import { openConnectorForCall } from "./connector-access";
import { getCustomIntegration } from "./custom-integrations";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";

type Ctx = Pick<Deps, "db" | "integrations" | "vault" | "settings">;

/**
 * Runs the contract checker for an admin: on a registration or any URL, through the outbound
 * guard (so the check reaches no address an integration call could not), probing with a saved
 * connector's config (decrypted here, never sent to the browser) only when the checked server is
 * the one the connector's secrets were saved for. Its secrets are stripped from every answer
 * before the checker reads it, and its calls count against the connector's own rate limit (the
 * registry's limiter, its real uuid), so a check during a sync cannot push the server into 429s.
 */
export async function checkIntegrationServer(ctx: Ctx, workspaceUuid: string, body: IntegrationCheckRequestBody): Promise<IntegrationCheckResponseBody> {
  const custom = body.uuid ? await getCustomIntegration(ctx, workspaceUuid, body.uuid) : null;
  if (custom && body.baseUrl && normalize(body.baseUrl) !== custom.baseUrl) {
    throw new AppError("bad_request:input", `The custom integration ${body.uuid} is at ${custom.baseUrl}, not ${body.baseUrl}; give one of them`);
  }
  const baseUrl = custom?.baseUrl ?? normalize(body.baseUrl!);
  let saved: Pick<CheckOptions, "config" | "redact" | "connector" | "limiter"> = { config: body.config };
  if (body.connectorUuid) {
    const open = await openConnectorForCall(ctx, workspaceUuid, body.connectorUuid);
    const home = open.resolved.custom;
    if (!home || home.baseUrl !== baseUrl) {
      throw new AppError("bad_request:input", `The connector "${open.stored.name}" belongs to ${open.resolved.integration.name}; its config is only sent to that integration's own server`);
    }
    saved = { config: open.config, redact: open.redact, connector: { uuid: open.stored.uuid, workspaceUuid: open.stored.workspaceUuid }, limiter: ctx.integrations.limiter };
  }
  return checkIntegration({
    baseUrl,
    ...saved,
    action: body.actionSlug ? { slug: body.actionSlug, record: body.record ?? {} } : undefined,
    fetch: fetchThrough(ctx.integrations.outbound),
    timeoutMs: Math.min(ctx.settings.integrationTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, DEFAULT_CHECK_TIMEOUT_MS),
  });
}

function normalize(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, "");
}
