import { randomUUID } from "node:crypto";
import type { Connector, ConnectorTest, CreateConnectorRequestBody, UpdateConnectorRequestBody } from "@/lib/contract";
import type { ConnectorRef } from "@/lib/integrations";
import { collectSecretValues, mergeSecrets, openConnectorSeal, redactSecrets, sealConnector, unionSecretPaths, VaultError } from "@/lib/vault";
import { connectorRef, everyStringPath, openConnector, openConnectorForCall, secretPathsOf, toConnector, type ConnectorCtx } from "./connector-access";
import { assertSecretsReentered, secretsLockOf } from "./connector-secrets";
import { AppError } from "./errors";
import { callingIntegration } from "./integration-errors";
import type { ResolvedIntegration } from "./integration-registry";
import { assertSecretsFollowBaseUrl, authenticateSdkConnector } from "./sdk-actions";
import { validateAgainstSchema } from "./validate-config";

/**
 * Creates a connector: the config is checked against the integration's schema, then the server's
 * `/authenticate` (an SDK integration's `authenticate`) must accept it; only then is it encrypted
 * and saved, with its secret fields and the server its secrets were entered for.
 */
export async function createConnector(ctx: ConnectorCtx, workspaceUuid: string, body: CreateConnectorRequestBody): Promise<Connector> {
  const resolved = await ctx.integrations.get(workspaceUuid, body.integrationSlug);
  if (await ctx.db.connectors.slugExists(workspaceUuid, body.slug)) {
    throw new AppError("conflict:connector_slug", `A connector with slug "${body.slug}" already exists`, { reason: "slugAlreadyExists" });
  }
  validateAgainstSchema("connector config", resolved.integration.connector.config.jsonSchema, body.config);
  const uuid = randomUUID();
  const secretPaths = secretPathsOf(resolved.integration);
  const { config, lastTest } = await authenticateOrThrow(ctx, resolved, { uuid, workspaceUuid, config: body.config, secretPaths }, secretPaths);
  const stored = await ctx.db.connectors.create(workspaceUuid, {
    uuid,
    integrationSlug: body.integrationSlug,
    slug: body.slug,
    name: body.name,
    sealedConfig: sealConnector(ctx.vault, { config, secretPaths, secretsBaseUrl: resolved.custom?.baseUrl ?? null }),
    lastTest,
  });
  return toConnector(stored, { config, secretPaths, secretsLock: null });
}

export async function listConnectors(ctx: ConnectorCtx, workspaceUuid: string, filter: { integrationSlug?: string }): Promise<Connector[]> {
  const stored = await ctx.db.connectors.list(workspaceUuid, filter);
  const bySlug = new Map<string, { paths: string[][] | null; custom: ResolvedIntegration["custom"] }>();
  for (const slug of new Set(stored.map((c) => c.integrationSlug))) {
    const resolved = await ctx.integrations.get(workspaceUuid, slug).catch(() => null);
    const custom = resolved ? resolved.custom : await ctx.db.customIntegrations.getBySlug(workspaceUuid, slug);
    bySlug.set(slug, { paths: resolved ? secretPathsOf(resolved.integration) : null, custom });
  }
  return stored.map((c) => {
    const seal = openConnectorSeal(ctx.vault, c.sealedConfig);
    const { paths, custom } = bySlug.get(c.integrationSlug)!;
    // Without the manifest the fields are unknown: every string is masked, and the lock counts them all.
    const secretPaths = paths && unionSecretPaths(seal.secretPaths, paths);
    const secretsLock = secretsLockOf(seal, custom, secretPaths ?? everyStringPath(seal.config));
    return toConnector(c, { config: seal.config, secretPaths, secretsLock });
  });
}

export async function getConnector(ctx: ConnectorCtx, workspaceUuid: string, uuid: string): Promise<Connector> {
  const open = await openConnector(ctx, workspaceUuid, uuid);
  return toConnector(open.stored, open);
}

/**
 * Renames and/or reconfigures a connector. A secret sent back as the mask (or left out) keeps its
 * stored value; a changed config must pass `/authenticate` before it is saved. A connector locked
 * because its integration moved takes a config only with every locked secret entered again, and
 * is unlocked once the new server accepts it.
 */
export async function updateConnector(ctx: ConnectorCtx, workspaceUuid: string, uuid: string, body: UpdateConnectorRequestBody): Promise<Connector> {
  const open = await openConnector(ctx, workspaceUuid, uuid);
  let sealedConfig: string | undefined;
  let lastTest: ConnectorTest | undefined;
  let config = open.config;
  let secretsLock = open.secretsLock;
  if (body.config) {
    assertSecretsReentered(open, body.config);
    try {
      config = mergeSecrets(body.config, open.config, open.secretPaths);
    } catch (error) {
      if (error instanceof VaultError) throw new AppError("bad_request:config", error.message);
      throw error;
    }
    validateAgainstSchema("connector config", open.resolved.integration.connector.config.jsonSchema, config);
    if (open.resolved.sdk) assertSecretsFollowBaseUrl(open.resolved.sdk, open.config, body.config, open.secretPaths);
    // Every locked secret was just replaced, so the new server receives only values entered for it.
    const ref = connectorRef({ stored: open.stored, config, secretsLock: null, secretPaths: open.secretPaths });
    ({ config, lastTest } = await authenticateOrThrow(ctx, open.resolved, ref, open.secretPaths));
    // Recorded as where the secrets now belong: the server that was just asked to accept them.
    const secretsBaseUrl = open.resolved.custom?.baseUrl ?? null;
    sealedConfig = sealConnector(ctx.vault, { config, secretPaths: open.secretPaths, secretsBaseUrl });
    secretsLock = null;
  }
  const stored = await ctx.db.connectors.update(workspaceUuid, uuid, { name: body.name, sealedConfig, lastTest });
  return toConnector(stored!, { config, secretPaths: open.secretPaths, secretsLock });
}

export async function removeConnector(ctx: ConnectorCtx, workspaceUuid: string, uuid: string): Promise<void> {
  if (!(await ctx.db.connectors.remove(workspaceUuid, uuid))) {
    throw new AppError("not_found:connector", `No connector with uuid ${uuid}`, { reason: "connectorNotFound" });
  }
}

/** Tests credentials before anything is saved: the setup wizard's "Test connection". */
export async function testConnectorConfig(ctx: ConnectorCtx, workspaceUuid: string, integrationSlug: string, config: Record<string, unknown>) {
  const resolved = await ctx.integrations.get(workspaceUuid, integrationSlug);
  validateAgainstSchema("connector config", resolved.integration.connector.config.jsonSchema, config);
  try {
    const secretPaths = secretPathsOf(resolved.integration);
    const { message } = await authenticateOrThrow(ctx, resolved, { uuid: randomUUID(), workspaceUuid, config, secretPaths }, secretPaths);
    return { outcome: "success" as const, ...(message && { message }) };
  } catch (error) {
    if (error instanceof AppError && error.reason === "unauthenticated") return { outcome: "error" as const, errorMessage: error.message };
    throw error;
  }
}

/** Re-tests a saved connector's credentials and records the result (409 while its secrets are locked). */
export async function testConnector(ctx: ConnectorCtx, workspaceUuid: string, uuid: string) {
  const open = await openConnectorForCall(ctx, workspaceUuid, uuid);
  const answer = await checkCredentials(ctx, open.resolved, connectorRef(open), open.redact);
  const errorMessage = answer.outcome === "error" ? open.redact(answer.errorMessage ?? "The integration refused these credentials") : undefined;
  const message = answer.outcome === "success" ? answer.message : undefined;
  const lastTest: ConnectorTest = { outcome: answer.outcome, errorMessage: errorMessage ?? null, testedAt: new Date().toISOString() };
  const stored = await ctx.db.connectors.update(workspaceUuid, uuid, { lastTest });
  return {
    outcome: answer.outcome,
    ...(errorMessage && { errorMessage }),
    ...(message && { message }),
    connector: toConnector(stored!, open),
  };
}

type CredentialCheck =
  | { outcome: "success"; config?: Record<string, unknown>; message?: string }
  | { outcome: "error"; errorMessage?: string };

/** One credential check: an SDK integration's own `authenticate`, else the server's `/authenticate`. */
async function checkCredentials(
  ctx: ConnectorCtx,
  resolved: ResolvedIntegration,
  connector: ConnectorRef,
  redact: (text: string) => string,
): Promise<CredentialCheck> {
  if (resolved.sdk) return authenticateSdkConnector(resolved.sdk, connector, redact, ctx.integrations.outbound);
  const client = ctx.integrations.clientFor(resolved);
  return callingIntegration(() => client.authenticate(connector), redact);
}

async function authenticateOrThrow(
  ctx: ConnectorCtx,
  resolved: ResolvedIntegration,
  connector: ConnectorRef,
  secretPaths: string[][],
): Promise<{ config: Record<string, unknown>; lastTest: ConnectorTest; message?: string }> {
  const secrets = collectSecretValues(connector.config, secretPaths);
  const redact = (text: string) => redactSecrets(text, secrets);
  const answer = await checkCredentials(ctx, resolved, connector, redact);
  if (answer.outcome === "error") {
    throw new AppError("unprocessable:credentials", redact(answer.errorMessage ?? "The integration refused these credentials"), {
      reason: "unauthenticated",
    });
  }
  // The server may hand back an enriched config (an account id, say); it is merged in and saved.
  const config = { ...connector.config, ...(answer.config ?? {}) };
  return { config, lastTest: { outcome: "success", errorMessage: null, testedAt: new Date().toISOString() }, message: answer.message };
}
