import type { CustomIntegration } from "@/lib/contract";
import { fetchManifest, IntegrationError, normalizeManifest, type FetchedManifest } from "@/lib/integrations";
import { lintManifest } from "@/lib/integrations/checker";
import { NATIVE_INTEGRATION_SLUG, sdkIntegrations } from "@/lib/integrations/native";
import { secretPathsOf } from "./connector-access";
import { pinLegacyConnectorSeals } from "./connector-secrets";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";

type Ctx = Pick<Deps, "db" | "integrations" | "settings">;

/**
 * Registers an integration server: its manifest is fetched and validated first, so a server that
 * is down or invalid is refused with the reasons and nothing is saved.
 */
export async function registerCustomIntegration(ctx: Ctx, workspaceUuid: string, baseUrl: string): Promise<CustomIntegration> {
  const { db, integrations } = ctx;
  const normalized = normalizeBaseUrl(baseUrl);
  if (await db.customIntegrations.findByBaseUrl(workspaceUuid, normalized)) {
    throw new AppError("conflict:custom_integration", `An integration at ${normalized} is already registered`);
  }
  const fetched = await fetchForRegistration(ctx, normalized);
  const slug = await uniqueSlug(db, workspaceUuid, slugify(fetched.manifest.name));
  const created = await db.customIntegrations.create(workspaceUuid, {
    baseUrl: normalized,
    slug,
    name: fetched.manifest.name,
    layout: fetched.layout,
    manifest: fetched.manifest,
  });
  integrations.manifests.seed(created.uuid, fetched);
  return created;
}

export async function getCustomIntegration({ db }: Pick<Deps, "db">, workspaceUuid: string, uuid: string): Promise<CustomIntegration> {
  const found = await db.customIntegrations.get(workspaceUuid, uuid);
  if (!found) throw new AppError("not_found:custom_integration", `No custom integration with uuid ${uuid}`);
  return found;
}

/**
 * Fetches and validates a server's manifest without saving anything: what registering would show,
 * with the contract checker's lint findings (an invalid manifest is still refused as before).
 */
export async function previewCustomIntegration(ctx: Pick<Deps, "settings" | "integrations">, baseUrl: string) {
  const fetched = await fetchForRegistration(ctx, normalizeBaseUrl(baseUrl));
  const findings = lintManifest(fetched.manifest);
  return { layout: fetched.layout, integration: normalizeManifest(fetched, { slug: slugify(fetched.manifest.name) }), findings };
}

/**
 * Points a registration at a new URL, after checking that the server there serves a valid manifest.
 * Its connectors' secrets stay bound to the server they were saved for: each connector is locked
 * (nothing sent to the new server) until its secrets are entered again.
 */
export async function updateCustomIntegrationUrl(
  ctx: Ctx & Pick<Deps, "vault">,
  workspaceUuid: string,
  uuid: string,
  baseUrl: string,
): Promise<CustomIntegration> {
  const custom = await getCustomIntegration(ctx, workspaceUuid, uuid);
  const normalized = normalizeBaseUrl(baseUrl);
  const fetched = await fetchForRegistration(ctx, normalized);
  const currentSecretPaths = await secretPathsNow(ctx, workspaceUuid, custom);
  const updated = await ctx.db.transaction(async (db) => {
    await pinLegacyConnectorSeals({ ...ctx, db }, workspaceUuid, custom, currentSecretPaths);
    return db.customIntegrations.recordManifest(workspaceUuid, uuid, {
      baseUrl: normalized,
      name: fetched.manifest.name,
      layout: fetched.layout,
      manifest: fetched.manifest,
    });
  });
  ctx.integrations.forget(uuid);
  ctx.integrations.manifests.seed(uuid, fetched);
  return updated!;
}

/**
 * Re-fetches the manifest, bypassing the cache. A failure is recorded and answered with every
 * problem; the last good manifest keeps serving.
 */
export async function refreshCustomIntegration(ctx: Ctx & Pick<Deps, "vault">, workspaceUuid: string, uuid: string): Promise<CustomIntegration> {
  const custom = await getCustomIntegration(ctx, workspaceUuid, uuid);
  await pinLegacyConnectorSeals(ctx, workspaceUuid, custom, await secretPathsNow(ctx, workspaceUuid, custom));
  try {
    const fetched = await ctx.integrations.manifests.get(uuid, custom.baseUrl, { refresh: true });
    return (await ctx.db.customIntegrations.recordManifest(workspaceUuid, uuid, {
      name: fetched.manifest.name,
      layout: fetched.layout,
      manifest: fetched.manifest,
    }))!;
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    await ctx.db.customIntegrations.recordManifestError(workspaceUuid, uuid, error.message);
    throw new AppError("unprocessable:manifest", error.message, { problems: error.problems, cause: error });
  }
}

/** Removes a registration and the connectors that used it. */
export async function removeCustomIntegration(ctx: Ctx, workspaceUuid: string, uuid: string): Promise<void> {
  const custom = await getCustomIntegration(ctx, workspaceUuid, uuid);
  await ctx.db.transaction(async (db) => {
    for (const connector of await db.connectors.list(workspaceUuid, { integrationSlug: custom.slug })) {
      await db.connectors.remove(workspaceUuid, connector.uuid);
    }
    await db.customIntegrations.remove(workspaceUuid, uuid);
  });
  ctx.integrations.forget(uuid);
}

/** The secret fields of a registration's manifest as served now (none when it cannot be had). */
async function secretPathsNow(ctx: Ctx, workspaceUuid: string, custom: CustomIntegration): Promise<string[][]> {
  const resolved = await ctx.integrations.get(workspaceUuid, custom.slug).catch(() => null);
  return resolved ? secretPathsOf(resolved.integration) : [];
}

/** Registration and preview reach the server through the outbound guard, as every later call does. */
async function fetchForRegistration(ctx: Pick<Deps, "settings" | "integrations">, baseUrl: string): Promise<FetchedManifest> {
  try {
    return await fetchManifest(baseUrl, { timeoutMs: ctx.settings.integrationTimeoutMs, outbound: ctx.integrations.outbound });
  } catch (error) {
    if (error instanceof IntegrationError) {
      throw new AppError("unprocessable:manifest", error.message, { reason: "invalidManifest", problems: error.problems, cause: error });
    }
    throw error;
  }
}

function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, "");
}

/** `Demo CRM (legacy)` → `demo_crm_legacy`: the connector-slug alphabet, never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return slug || "integration";
}

const RESERVED_SLUGS = new Set([NATIVE_INTEGRATION_SLUG, "custom", ...sdkIntegrations.map((sdk) => sdk.integration.slug)]);

async function uniqueSlug(db: Deps["db"], workspaceUuid: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}_${n}`;
    // Reserved: the built-in integration, the /integrations/custom page and the SDK integrations.
    if (RESERVED_SLUGS.has(candidate)) continue;
    if (!(await db.customIntegrations.slugExists(workspaceUuid, candidate))) return candidate;
  }
}
