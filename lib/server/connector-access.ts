import type { Connector, Integration } from "@/lib/contract";
import type { StoredConnector } from "@/lib/db";
import { collectSecretValues, findSecretPaths, maskSecrets, redactSecrets } from "@/lib/vault";
import type { Deps } from "./deps";
import { AppError } from "./errors";
import type { ResolvedIntegration } from "./integration-registry";

export type ConnectorCtx = Pick<Deps, "db" | "integrations" | "vault">;

/** A connector opened for use: its integration, decrypted config and which fields are secret. */
export interface OpenConnector {
  stored: StoredConnector;
  resolved: ResolvedIntegration;
  config: Record<string, unknown>;
  secretPaths: string[][];
  /** Removes this connector's secrets from text that may echo them (server messages). */
  redact: (text: string) => string;
}

export function secretPathsOf(integration: Integration): string[][] {
  const { jsonSchema, uiSchema } = integration.connector.config;
  return findSecretPaths(jsonSchema, uiSchema ?? {});
}

/** Loads and decrypts a connector of the workspace, or answers 404. */
export async function openConnector(ctx: ConnectorCtx, workspaceUuid: string, uuid: string): Promise<OpenConnector> {
  const stored = await ctx.db.connectors.get(workspaceUuid, uuid);
  if (!stored) throw new AppError("not_found:connector", `No connector with uuid ${uuid}`, { reason: "connectorNotFound" });
  const resolved = await ctx.integrations.get(workspaceUuid, stored.integrationSlug);
  const config = ctx.vault.decrypt<Record<string, unknown>>(stored.sealedConfig);
  const secretPaths = secretPathsOf(resolved.integration);
  const secrets = collectSecretValues(config, secretPaths);
  return { stored, resolved, config, secretPaths, redact: (text) => redactSecrets(text, secrets) };
}

/** The API view of a connector: secrets masked. Without a known schema, every string is masked. */
export function toConnector(stored: StoredConnector, config: Record<string, unknown>, secretPaths: string[][] | null): Connector {
  return {
    uuid: stored.uuid,
    workspaceUuid: stored.workspaceUuid,
    integrationSlug: stored.integrationSlug,
    slug: stored.slug,
    name: stored.name,
    config: secretPaths ? maskSecrets(config, secretPaths) : maskSecrets(config, allStringPaths(config)),
    useCredits: false,
    rateLimit: null,
    cacheTtlMilliseconds: null,
    lastTest: stored.lastTest,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    deletedAt: null,
  };
}

function allStringPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value === "string") return [prefix];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => allStringPaths(inner, [...prefix, key]));
  }
  return [];
}

/** The `{uuid, workspaceUuid, config}` every integration call carries. */
export function connectorRef(open: Pick<OpenConnector, "stored" | "config">) {
  return { uuid: open.stored.uuid, workspaceUuid: open.stored.workspaceUuid, config: open.config };
}
