import { randomUUID } from "node:crypto";
import { isRecord, REDACTED, type CustomIntegration } from "@/lib/contract";
import type { NewIntegrationCall } from "@/lib/db";
import { collectSecretValues, unionSecretPaths } from "@/lib/vault";
import type { CapturedBody, CapturedCall } from "./capture-call";
import { redactBody, type RedactionRules } from "./redact-body";
import { secretMatcher } from "./secret-forms";
import { isSecretName, secretNamedPaths } from "./secret-keys";

type Paths = readonly (readonly string[])[];

/** Where a call went and for whom: the registration, and the connector when there is one. */
export interface CallOrigin {
  custom: Pick<CustomIntegration, "uuid" | "workspaceUuid" | "slug">;
  connector?: { uuid: string; config: Record<string, unknown> };
  /** The connector's secret fields: those sealed with it plus the manifest's (`openConnector`). */
  secretPaths: Paths;
  /** The called action's or extractor's own secret fields, and their values in this call. */
  scoped?: { paths: Paths; values: readonly string[] };
}

/** Keys that carry a credential in the OAuth exchange only: the code, and the token it is traded for. */
const OAUTH_KEYS: ReadonlySet<string> = new Set(["code", "value"]);

/**
 * The call as the inspector stores it: the connector's secrets (its secret fields, and any text
 * field named like a credential), the called action's secret fields and the OAuth code and token
 * replaced by `[redacted]` wherever they appear (URL, headers, bodies, error message), in any
 * encoding; credential-like headers, query parameters and body keys hidden whatever their value;
 * bodies cut at 64 KB. Nothing of the captured call is kept unredacted.
 */
export function redactCall(call: CapturedCall, { custom, connector, secretPaths, scoped }: CallOrigin): NewIntegrationCall {
  const config = connector?.config ?? {};
  const paths = unionSecretPaths(secretPaths, secretNamedPaths(config));
  const oauth = call.operation === "completeOauth";
  const secrets = secretMatcher([...collectSecretValues(config, paths), ...(scoped?.values ?? []), ...(oauth ? oauthCredentials(call) : [])]);
  const ownPaths = scoped?.paths ?? [];
  const pathsByKey = new Map<string, Paths>([
    ["connectorConfig", paths],
    ["config", unionSecretPaths(paths, ownPaths)],
    ["actionConfig", ownPaths],
    ["extractorConfig", ownPaths],
  ]);
  const rules: RedactionRules = { secrets, pathsByKey, keys: oauth ? OAUTH_KEYS : undefined };
  return {
    uuid: randomUUID(),
    workspaceUuid: custom.workspaceUuid,
    customIntegrationUuid: custom.uuid,
    integrationSlug: custom.slug,
    connectorUuid: connector?.uuid ?? null,
    method: call.method,
    endpoint: secrets.redact(call.endpoint),
    url: secrets.redact(redactUrl(call.url)),
    status: call.status,
    errorKind: call.errorKind,
    errorMessage: call.errorMessage === null ? null : secrets.redact(call.errorMessage),
    durationMs: call.durationMs,
    requestId: call.requestId,
    requestHeaders: Object.fromEntries(Object.entries(call.requestHeaders).map(([name, value]) => [name, isSecretName(name) ? REDACTED : secrets.redact(value)])),
    requestBody: redactBody(call.requestBody, rules),
    responseBody: redactBody(call.responseBody, rules),
    requestBytes: call.requestBody?.bytes ?? null,
    responseBytes: call.responseBody?.bytes ?? null,
    createdAt: call.startedAt.toISOString(),
  };
}

/** The code sent (at the top, and in `params` for the legacy layout) and the token answered, to hide wherever else they show. */
function oauthCredentials({ requestBody, responseBody }: CapturedCall): string[] {
  const sent = parsed(requestBody);
  const answered = parsed(responseBody);
  const found = [sent?.code, isRecord(sent?.params) ? sent.params.code : undefined, answered?.value];
  return found.filter((value): value is string => typeof value === "string");
}

function parsed(body: CapturedBody | null): Record<string, unknown> | undefined {
  if (!body || body.cut) return undefined;
  try {
    const value: unknown = JSON.parse(body.text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Credentials in the URL itself: user info, and query parameters named like one. */
function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`)
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (pair, separator: string, name: string) => (isSecretName(safeDecode(name)) ? `${separator}${name}=${REDACTED}` : pair));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
