import { randomUUID } from "node:crypto";
import { REDACTED, type CustomIntegration } from "@/lib/contract";
import type { NewIntegrationCall } from "@/lib/db";
import type { ObservedCall } from "@/lib/integrations";
import { collectSecretValues, redactSecrets, unionSecretPaths } from "@/lib/vault";
import { redactBody, type RedactionRules } from "./redact-body";
import { isSecretName, secretNamedPaths } from "./secret-keys";

/** Where a call went and for whom: the registration, and the connector when there is one. */
export interface CallOrigin {
  custom: Pick<CustomIntegration, "uuid" | "workspaceUuid" | "slug" | "baseUrl">;
  connector?: { uuid: string; config: Record<string, unknown> };
  /** The connector config's secret fields as the integration's manifest declares them. */
  secretPaths: readonly string[][];
}

/** Keys that carry a credential on one endpoint only: the OAuth code, and the token it is traded for. */
const KEYS_BY_ENDPOINT: Record<string, ReadonlySet<string>> = { "/completeOauth": new Set(["code", "value"]) };

/**
 * The call as the inspector stores it: the connector's secrets (its secret fields, and any field
 * named like a credential) replaced by `[redacted]` wherever they appear (URL, headers, bodies,
 * error message), credential-like headers, query parameters and body keys hidden whatever their
 * value, bodies cut at 64 KB. Nothing of the observed call is kept unredacted.
 */
export function redactCall(call: ObservedCall, { custom, connector, secretPaths }: CallOrigin): NewIntegrationCall {
  const config = connector?.config ?? {};
  const paths = unionSecretPaths(secretPaths, secretNamedPaths(config));
  const secrets = collectSecretValues(config, paths);
  const text = (value: string) => redactSecrets(value, secrets, REDACTED);
  const endpoint = endpointOf(call.url, custom.baseUrl);
  const rules: RedactionRules = { secrets, secretPaths: paths, keys: KEYS_BY_ENDPOINT[endpoint] };
  return {
    uuid: randomUUID(),
    workspaceUuid: custom.workspaceUuid,
    customIntegrationUuid: custom.uuid,
    integrationSlug: custom.slug,
    connectorUuid: connector?.uuid ?? null,
    method: call.method,
    endpoint: text(endpoint),
    url: text(redactUrl(call.url)),
    status: call.status,
    errorKind: call.errorKind,
    errorMessage: call.errorMessage === null ? null : text(call.errorMessage),
    durationMs: call.durationMs,
    requestId: call.requestId,
    requestHeaders: Object.fromEntries(Object.entries(call.requestHeaders).map(([name, value]) => [name, isSecretName(name) ? REDACTED : text(value)])),
    requestBody: redactBody(call.requestBody, rules),
    responseBody: redactBody(call.responseBody, rules),
    requestBytes: call.requestBody === null ? null : Buffer.byteLength(call.requestBody),
    responseBytes: call.responseBody === null ? null : Buffer.byteLength(call.responseBody),
    createdAt: call.startedAt.toISOString(),
  };
}

/** The path under the base URL (`/actions/x/execute`); the URL's own path when it is not under it. */
function endpointOf(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  const rest = url.startsWith(base) ? url.slice(base.length) : new URL(url).pathname;
  return rest.split(/[?#]/)[0] || "/";
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
