import type { IntegrationCheckRequestBody, IntegrationCheckResponseBody } from "@/lib/contract";
import { checkIntegration, DEFAULT_CHECK_TIMEOUT_MS, fetchThrough, type CheckReport } from "@/lib/integrations/checker";
import { openConnectorForCall } from "./connector-access";
import { getCustomIntegration } from "./custom-integrations";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";

type Ctx = Pick<Deps, "db" | "integrations" | "vault" | "settings">;

/**
 * Runs the contract checker for an admin: on a registration or any URL, through the outbound
 * guard (so the check reaches no address an integration call could not), probing with a saved
 * connector's config (decrypted here, never sent to the browser) only when the checked server is
 * the one the connector's secrets were saved for. Server messages are stripped of its secrets.
 */
export async function checkIntegrationServer(ctx: Ctx, workspaceUuid: string, body: IntegrationCheckRequestBody): Promise<IntegrationCheckResponseBody> {
  const custom = body.uuid ? await getCustomIntegration(ctx, workspaceUuid, body.uuid) : null;
  if (custom && body.baseUrl && normalize(body.baseUrl) !== custom.baseUrl) {
    throw new AppError("bad_request:input", `The custom integration ${body.uuid} is at ${custom.baseUrl}, not ${body.baseUrl}; give one of them`);
  }
  const baseUrl = custom?.baseUrl ?? normalize(body.baseUrl!);
  let config = body.config;
  let redact = (text: string) => text;
  if (body.connectorUuid) {
    const open = await openConnectorForCall(ctx, workspaceUuid, body.connectorUuid);
    const home = open.resolved.custom;
    if (!home || home.baseUrl !== baseUrl) {
      throw new AppError("bad_request:input", `The connector "${open.stored.name}" belongs to ${open.resolved.integration.name}; its config is only sent to that integration's own server`);
    }
    ({ config, redact } = open);
  }
  const report = await checkIntegration({
    baseUrl,
    config,
    action: body.actionSlug ? { slug: body.actionSlug, record: body.record ?? {} } : undefined,
    fetch: fetchThrough(ctx.integrations.outbound),
    timeoutMs: Math.min(ctx.settings.integrationTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, DEFAULT_CHECK_TIMEOUT_MS),
  });
  return redacted(report, redact);
}

function redacted(report: CheckReport, redact: (text: string) => string): CheckReport {
  return { ...report, findings: report.findings.map((found) => ({ ...found, message: redact(found.message), fix: redact(found.fix), path: redact(found.path) })) };
}

function normalize(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, "");
}
