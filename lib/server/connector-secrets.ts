import { CONNECTOR_SECRETS_LOCKED, type ConnectorSecretsLock, type CustomIntegration } from "@/lib/contract";
import { keptSecretPaths, openConnectorSeal, sealConnector, setSecretPaths, type ConnectorSeal } from "@/lib/vault";
import type { Repositories } from "@/lib/db";
import type { ConnectorCtx } from "./deps-types";
import { AppError } from "./errors";

/*
 * Secrets stay where they were saved. A connector's seal records the server its secrets were
 * entered for; once its custom integration points elsewhere, the connector is locked: nothing
 * that would carry its config is sent until the secrets are entered again.
 */

/** The server a connector's secrets belong to; one saved before this was recorded counts as saved for the current one. */
export function secretsBaseUrlOf(seal: ConnectorSeal, custom: CustomIntegration | null): string | null {
  return seal.secretsBaseUrl === undefined ? (custom?.baseUrl ?? null) : seal.secretsBaseUrl;
}

/** The lock of a connector whose set secrets were saved for another server than its integration's current one. */
export function secretsLockOf(
  seal: ConnectorSeal,
  custom: CustomIntegration | null,
  secretPaths: readonly string[][],
): ConnectorSecretsLock | null {
  if (!custom || secretsBaseUrlOf(seal, custom) === custom.baseUrl) return null;
  const fields = setSecretPaths(seal.config, secretPaths);
  return fields.length > 0 ? { reason: "integrationMoved", baseUrl: custom.baseUrl, fields } : null;
}

/** Answers 409 `connectorSecretsLocked` for a locked connector, before anything is sent. */
export function assertSecretsUnlocked(open: { stored: { name: string }; secretsLock: ConnectorSecretsLock | null }): void {
  if (!open.secretsLock) return;
  throw new AppError("conflict:connector_secrets_locked", lockedMessage(open.stored.name, open.secretsLock), {
    reason: CONNECTOR_SECRETS_LOCKED,
    details: { secretsLock: open.secretsLock },
  });
}

/**
 * An update of a locked connector must bring a new value for every locked secret: one sent back
 * as the mask, or left out, would carry the old secret to the new server.
 */
export function assertSecretsReentered(
  open: { stored: { name: string }; secretsLock: ConnectorSecretsLock | null },
  incoming: Record<string, unknown>,
): void {
  if (!open.secretsLock) return;
  const kept = keptSecretPaths(incoming, open.secretsLock.fields);
  if (kept.length === 0) return;
  throw new AppError(
    "conflict:connector_secrets_locked",
    `${lockedMessage(open.stored.name, open.secretsLock)} Still missing: ${kept.map((path) => path.join(".")).join(", ")}.`,
    { reason: CONNECTOR_SECRETS_LOCKED, details: { secretsLock: open.secretsLock } },
  );
}

function lockedMessage(name: string, lock: ConnectorSecretsLock): string {
  const fields = lock.fields.map((path) => path.join(".")).join(", ");
  return `Re-enter the secrets of "${name}": its integration moved to ${hostOf(lock.baseUrl)}, and the secrets saved for the previous server are not sent there. Enter ${fields} again.`;
}

/** The host of a base URL, for messages; the URL itself when it does not parse. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}

/**
 * Pins connectors saved before seals recorded anything to the registration's current server and
 * secret fields. Called before a move or a refresh, so those connectors lock on the move and keep
 * the current secret fields masked if the new manifest drops them.
 */
export async function pinLegacyConnectorSeals(
  ctx: Pick<ConnectorCtx, "vault"> & { db: Pick<Repositories, "connectors"> },
  workspaceUuid: string,
  custom: CustomIntegration,
  currentSecretPaths: string[][],
): Promise<void> {
  for (const stored of await ctx.db.connectors.list(workspaceUuid, { integrationSlug: custom.slug })) {
    const seal = openConnectorSeal(ctx.vault, stored.sealedConfig);
    if (seal.secretsBaseUrl !== undefined) continue;
    const sealedConfig = sealConnector(ctx.vault, { config: seal.config, secretPaths: currentSecretPaths, secretsBaseUrl: custom.baseUrl });
    await ctx.db.connectors.update(workspaceUuid, stored.uuid, { sealedConfig });
  }
}
