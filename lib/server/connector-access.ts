import type { Connector, ConnectorSecretsLock, Integration } from "@/lib/contract";
import type { StoredConnector } from "@/lib/db";
import type { ConnectorRef } from "@/lib/integrations";
import { collectSecretValues, findSecretPaths, maskSecrets, openConnectorSeal, redactSecrets, unionSecretPaths } from "@/lib/vault";
import { assertSecretsUnlocked, secretsBaseUrlOf, secretsLockOf } from "./connector-secrets";
import type { ConnectorCtx } from "./deps-types";
import { AppError } from "./errors";
import type { ResolvedIntegration } from "./integration-registry";

export type { ConnectorCtx };

/** A connector opened for use: its integration, decrypted config and which fields are secret. */
export interface OpenConnector {
  stored: StoredConnector;
  resolved: ResolvedIntegration;
  config: Record<string, unknown>;
  /** The secret fields recorded when it was saved, plus the current manifest's. */
  secretPaths: string[][];
  /** The server its secrets were saved for (null: an integration that runs inside the app). */
  secretsBaseUrl: string | null;
  /** Set when its integration moved since: nothing carrying its config may be sent. */
  secretsLock: ConnectorSecretsLock | null;
  /** Removes this connector's secrets from text that may echo them (server messages). */
  redact: (text: string) => string;
}

/** The secret fields the integration's manifest declares now. */
export function secretPathsOf(integration: Integration): string[][] {
  const { jsonSchema, uiSchema } = integration.connector.config;
  return findSecretPaths(jsonSchema, uiSchema ?? {});
}

/** Loads and decrypts a connector of the workspace, or answers 404. Reading is allowed while it is locked. */
export async function openConnector(ctx: ConnectorCtx, workspaceUuid: string, uuid: string): Promise<OpenConnector> {
  const stored = await ctx.db.connectors.get(workspaceUuid, uuid);
  if (!stored) throw new AppError("not_found:connector", `No connector with uuid ${uuid}`, { reason: "connectorNotFound" });
  const resolved = await ctx.integrations.get(workspaceUuid, stored.integrationSlug);
  const seal = openConnectorSeal(ctx.vault, stored.sealedConfig);
  const secretPaths = unionSecretPaths(seal.secretPaths, secretPathsOf(resolved.integration));
  const secrets = collectSecretValues(seal.config, secretPaths);
  return {
    stored,
    resolved,
    config: seal.config,
    secretPaths,
    secretsBaseUrl: secretsBaseUrlOf(seal, resolved.custom),
    secretsLock: secretsLockOf(seal, resolved.custom, secretPaths),
    redact: (text) => redactSecrets(text, secrets),
  };
}

/**
 * Opens a connector to call its integration with: answers 409 `connectorSecretsLocked`, and sends
 * nothing, while its integration points at another server than the one its secrets were saved for.
 */
export async function openConnectorForCall(ctx: ConnectorCtx, workspaceUuid: string, uuid: string): Promise<OpenConnector> {
  const open = await openConnector(ctx, workspaceUuid, uuid);
  assertSecretsUnlocked(open);
  return open;
}

/** What the API shows of a connector besides its stored row. */
export interface ConnectorView {
  config: Record<string, unknown>;
  /** Null when the integration's schema is unknown: every string is then masked. */
  secretPaths: string[][] | null;
  secretsLock: ConnectorSecretsLock | null;
}

/** The API view of a connector: secrets masked. Without a known schema, every string is masked. */
export function toConnector(stored: StoredConnector, { config, secretPaths, secretsLock }: ConnectorView): Connector {
  const masked = secretPaths ?? everyStringPath(config);
  return {
    uuid: stored.uuid,
    workspaceUuid: stored.workspaceUuid,
    integrationSlug: stored.integrationSlug,
    slug: stored.slug,
    name: stored.name,
    config: maskSecrets(config, masked),
    useCredits: false,
    rateLimit: null,
    cacheTtlMilliseconds: null,
    lastTest: stored.lastTest,
    secretFields: masked,
    secretsLocked: secretsLock !== null,
    secretsLock,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    deletedAt: null,
  };
}

/** The path of every string in a config: what is masked when the integration's schema is unknown. */
export function everyStringPath(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value === "string") return [prefix];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => everyStringPath(inner, [...prefix, key]));
  }
  return [];
}

/**
 * The `{uuid, workspaceUuid, config}` every integration call carries, with its secret fields for
 * the request inspector to redact (never sent). Refuses a locked connector, so no call can carry
 * its secrets to a server they were not saved for.
 */
export function connectorRef(open: Pick<OpenConnector, "stored" | "config" | "secretsLock" | "secretPaths">): ConnectorRef {
  assertSecretsUnlocked(open);
  return { uuid: open.stored.uuid, workspaceUuid: open.stored.workspaceUuid, config: open.config, secretPaths: open.secretPaths };
}
