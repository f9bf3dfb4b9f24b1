import type { IntegrationSummary } from "@/lib/contract";
import { fetchManifest, listManifestActions } from "@/lib/integrations";
import type { Deps } from "./deps";

/**
 * Every integration of the workspace, each manifest fetched live from its server. A server that
 * fails is listed as unavailable with the reason, showing its last good manifest's actions.
 */
export async function listIntegrations({ db }: Pick<Deps, "db">, workspaceUuid: string): Promise<IntegrationSummary[]> {
  const customs = await db.customIntegrations.list(workspaceUuid);
  return Promise.all(
    customs.map(async (custom): Promise<IntegrationSummary> => {
      const base = { slug: custom.slug, kind: "custom" as const, baseUrl: custom.baseUrl };
      try {
        const { manifest } = await fetchManifest(custom.baseUrl, { timeoutMs: 10_000 });
        return {
          ...base,
          name: manifest.name,
          description: manifest.description,
          icon: manifest.icon,
          color: manifest.color,
          status: "ok",
          errorMessage: null,
          actions: listManifestActions(manifest),
        };
      } catch (error) {
        const stored = (await db.customIntegrations.getStoredManifest(workspaceUuid, custom.uuid)) as Parameters<
          typeof listManifestActions
        >[0] | null;
        return {
          ...base,
          name: stored?.name ?? custom.name,
          description: stored?.description ?? "",
          icon: stored?.icon ?? "",
          color: stored?.color ?? "#888888",
          status: "unavailable",
          errorMessage: (error as Error).message,
          actions: stored ? listManifestActions(stored) : [],
        };
      }
    }),
  );
}
