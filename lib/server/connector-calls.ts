import { ownEntry } from "@/lib/contract/own-entry";
import type {
  ConnectorAutocompleteRequestBody,
  ConnectorCompleteOauthRequestBody,
  ConnectorDynamicSchemaRequestBody,
  ConnectorStartOauthRequestBody,
} from "@/lib/contract";
import { sealConnector } from "@/lib/vault";
import { connectorRef, openConnector, openConnectorForCall, toConnector, type ConnectorCtx } from "./connector-access";
import { secretsLockOf } from "./connector-secrets";
import { AppError } from "./errors";
import { callingIntegration } from "./integration-errors";
import { consumeOauthState, issueOauthState } from "./oauth-state";
import { validateAgainstSchema } from "./validate-config";

/**
 * Options for one autocomplete field. Params are checked against the manifest's schema first;
 * answers are cached per (connector, slug, params, value) for the manifest's expiration, and
 * identical concurrent requests share one upstream call.
 */
export async function connectorAutocomplete(ctx: ConnectorCtx, workspaceUuid: string, uuid: string, body: ConnectorAutocompleteRequestBody) {
  const open = await openConnectorForCall(ctx, workspaceUuid, uuid);
  const autocomplete = ownEntry(open.resolved.integration.autocompletes, body.slug);
  if (!autocomplete) {
    throw new AppError("not_found:autocomplete", `${open.resolved.integration.name} has no autocomplete "${body.slug}"`);
  }
  validateAgainstSchema("autocomplete params", autocomplete.params.jsonSchema, body.params);
  const client = ctx.integrations.clientFor(open.resolved);
  return ctx.integrations.autocompletes.get(
    { connectorUuid: uuid, slug: body.slug, params: body.params, value: body.value },
    autocomplete.cacheExpirationInSeconds ?? 0,
    () => callingIntegration(() => client.autocomplete(connectorRef(open), body.slug, body.params, body.value), open.redact),
    { refresh: body.refresh },
  );
}

/** The `{jsonSchema, uiSchema}` of a dynamic sub-form, for the given params. */
export async function connectorDynamicSchema(ctx: ConnectorCtx, workspaceUuid: string, uuid: string, body: ConnectorDynamicSchemaRequestBody) {
  const open = await openConnectorForCall(ctx, workspaceUuid, uuid);
  const dynamicSchema = ownEntry(open.resolved.integration.dynamicSchemas, body.slug);
  if (!dynamicSchema) {
    throw new AppError("not_found:dynamic_schema", `${open.resolved.integration.name} has no dynamic schema "${body.slug}"`);
  }
  validateAgainstSchema("dynamic schema params", dynamicSchema.params.jsonSchema, body.params);
  const client = ctx.integrations.clientFor(open.resolved);
  return callingIntegration(() => client.dynamicSchema(connectorRef(open), body.slug, body.params), open.redact);
}

/** The users of the connected account (optional endpoint: 501 when the integration has none). */
export async function connectorListUsers(ctx: ConnectorCtx, workspaceUuid: string, uuid: string) {
  const open = await openConnectorForCall(ctx, workspaceUuid, uuid);
  const client = ctx.integrations.clientFor(open.resolved);
  return { users: await callingIntegration(() => client.listUsers(connectorRef(open)), open.redact) };
}

/**
 * Starts an OAuth round trip: issues the single-use `state` the authorize page must send back,
 * bound to this workspace, integration, redirect URI and (optionally) connector.
 */
export async function startOauth(
  ctx: ConnectorCtx,
  workspaceUuid: string,
  integrationSlug: string,
  body: ConnectorStartOauthRequestBody,
  appHosts: readonly string[],
) {
  checkRedirectUri(body.redirectUri, appHosts);
  await ctx.integrations.get(workspaceUuid, integrationSlug);
  if (body.connectorUuid) await connectorOf(ctx, workspaceUuid, integrationSlug, body.connectorUuid);
  return issueOauthState(ctx.db.oauthStates, {
    workspaceUuid,
    integrationSlug,
    redirectUri: body.redirectUri,
    connectorUuid: body.connectorUuid ?? null,
  });
}

/**
 * The code an authorize page hands out must come back to this app's own callback page, on the
 * host the operator's browser reached the app by (`appHosts`: the Host header, and a proxy's
 * X-Forwarded-Host), never to another site.
 */
function checkRedirectUri(redirectUri: string, appHosts: readonly string[]) {
  const url = new URL(redirectUri);
  if (url.pathname !== OAUTH_CALLBACK_PATH || !appHosts.includes(url.host)) {
    throw new AppError("bad_request:input", `The redirect URI must be this app's ${OAUTH_CALLBACK_PATH} page (${appHosts.map((host) => `//${host}${OAUTH_CALLBACK_PATH}`).join(" or ")})`);
  }
}

/**
 * Finishes an OAuth round trip: checks and uses up the state startOauth issued (a forged or
 * replayed callback stops here, before the integration sees the code), trades the code for the
 * server's value and stores it, encrypted, into the connector's config field that asked for it.
 * Without a connector the value is returned so the setup wizard can carry it into the connector
 * it is creating.
 */
export async function completeOauth(ctx: ConnectorCtx, workspaceUuid: string, integrationSlug: string, body: ConnectorCompleteOauthRequestBody) {
  const resolved = await ctx.integrations.get(workspaceUuid, integrationSlug);
  await consumeOauthState(ctx.db.oauthStates, body.state, {
    workspaceUuid,
    integrationSlug,
    redirectUri: body.redirectUri,
    connectorUuid: body.connectorUuid ?? null,
  });
  const client = ctx.integrations.clientFor(resolved);
  const { value } = await callingIntegration(() => client.completeOauth(body.code, body.redirectUri));
  if (!body.connectorUuid) return { value };
  const open = await connectorOf(ctx, workspaceUuid, integrationSlug, body.connectorUuid);
  const field = body.field ?? oauthField(resolved.integration.connector.config.uiSchema ?? {});
  const config = { ...open.config, [field]: value };
  validateAgainstSchema("connector config", resolved.integration.connector.config.jsonSchema, config);
  // The value came from the current server. A locked connector stays locked unless it was its only locked secret.
  const unlocks = open.secretsLock?.fields.every((path) => path.length === 1 && path[0] === field) ?? false;
  const seal = {
    config,
    secretPaths: open.secretPaths,
    secretsBaseUrl: unlocks ? (resolved.custom?.baseUrl ?? null) : open.secretsBaseUrl,
  };
  const stored = await ctx.db.connectors.update(workspaceUuid, open.stored.uuid, { sealedConfig: sealConnector(ctx.vault, seal) });
  return { connector: toConnector(stored!, { config, secretPaths: open.secretPaths, secretsLock: secretsLockOf(seal, resolved.custom, open.secretPaths) }) };
}

const OAUTH_CALLBACK_PATH = "/oauth/callback";

/** The config field rendered by the OAuth widget; `oauthToken` when the uiSchema names none. */
function oauthField(uiSchema: Record<string, unknown>): string {
  const entry = Object.entries(uiSchema).find(([, ui]) => /oauth/i.test(String((ui as Record<string, unknown>)?.["ui:widget"] ?? "")));
  return entry?.[0] ?? "oauthToken";
}

async function connectorOf(ctx: ConnectorCtx, workspaceUuid: string, integrationSlug: string, connectorUuid: string) {
  const open = await openConnector(ctx, workspaceUuid, connectorUuid);
  if (open.stored.integrationSlug !== integrationSlug) {
    throw new AppError("bad_request:connector", `Connector ${connectorUuid} belongs to ${open.stored.integrationSlug}, not ${integrationSlug}`);
  }
  return open;
}
