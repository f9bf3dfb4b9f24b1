import type { CustomIntegration } from "@/lib/contract";
import type { Database } from "@/lib/db";
import { fetchManifest, IntegrationError } from "@/lib/integrations";
import { AppError } from "./errors";

/**
 * Registers an integration server: its manifest is fetched and validated first, so a server that
 * is down or invalid is refused with the reasons and nothing is saved.
 */
export async function registerCustomIntegration(
  { db }: { db: Database },
  workspaceUuid: string,
  baseUrl: string,
): Promise<CustomIntegration> {
  const normalized = baseUrl.replace(/\/+$/, "");
  let fetched;
  try {
    fetched = await fetchManifest(normalized);
  } catch (error) {
    if (error instanceof IntegrationError) {
      throw new AppError("unprocessable:manifest", error.message, { problems: error.problems, cause: error });
    }
    throw error;
  }
  const slug = await uniqueSlug(db, workspaceUuid, slugify(fetched.manifest.name));
  return db.customIntegrations.create(workspaceUuid, {
    baseUrl: normalized,
    slug,
    name: fetched.manifest.name,
    layout: fetched.layout,
    manifest: fetched.manifest,
  });
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

async function uniqueSlug(db: Database, workspaceUuid: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}_${n}`;
    if (!(await db.customIntegrations.slugExists(workspaceUuid, candidate))) return candidate;
  }
}
