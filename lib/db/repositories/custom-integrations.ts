import { randomUUID } from "node:crypto";
import type { CustomIntegration, ManifestLayout } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  kind: "external";
  base_url: string;
  slug: string;
  name: string;
  layout: ManifestLayout | null;
  manifest_json: string | null;
  manifest_fetched_at: string | null;
  manifest_error: string | null;
  created_at: string;
  updated_at: string;
}

function toCustomIntegration(row: Row): CustomIntegration {
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    kind: row.kind,
    baseUrl: row.base_url,
    slug: row.slug,
    name: row.name,
    layout: row.layout,
    manifestFetchedAt: row.manifest_fetched_at,
    manifestError: row.manifest_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewCustomIntegration {
  baseUrl: string;
  slug: string;
  name: string;
  layout: ManifestLayout;
  /** The raw manifest as fetched and validated; kept so the last good one keeps serving. */
  manifest: unknown;
}

/** Custom integrations of one workspace at a time: every query is scoped by `workspaceUuid`. */
export function customIntegrationRepository(db: SqlClient) {
  return {
    async create(workspaceUuid: string, input: NewCustomIntegration): Promise<CustomIntegration> {
      const now = new Date().toISOString();
      const uuid = randomUUID();
      await db.run(
        `INSERT INTO custom_integrations (uuid, workspace_uuid, kind, base_url, slug, name, layout,
          manifest_json, manifest_fetched_at, manifest_error, created_at, updated_at)
         VALUES (?, ?, 'external', ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
        [uuid, workspaceUuid, input.baseUrl, input.slug, input.name, input.layout, JSON.stringify(input.manifest), now, now, now],
      );
      const created = await this.get(workspaceUuid, uuid);
      if (!created) throw new Error("custom integration vanished after insert");
      return created;
    },

    async list(workspaceUuid: string): Promise<CustomIntegration[]> {
      const rows = await db.all<Row>(
        "SELECT * FROM custom_integrations WHERE workspace_uuid = ? ORDER BY created_at, slug",
        [workspaceUuid],
      );
      return rows.map(toCustomIntegration);
    },

    async get(workspaceUuid: string, uuid: string): Promise<CustomIntegration | null> {
      const row = await db.get<Row>("SELECT * FROM custom_integrations WHERE workspace_uuid = ? AND uuid = ?", [
        workspaceUuid,
        uuid,
      ]);
      return row ? toCustomIntegration(row) : null;
    },

    async findByBaseUrl(workspaceUuid: string, baseUrl: string): Promise<CustomIntegration | null> {
      const row = await db.get<Row>(
        "SELECT * FROM custom_integrations WHERE workspace_uuid = ? AND base_url = ?",
        [workspaceUuid, baseUrl],
      );
      return row ? toCustomIntegration(row) : null;
    },

    /**
     * What the workspace's catalog depends on, cheaply, in one statement (it is read before every
     * run): each registration's uuid, server and last change, and the connectors' count and latest
     * change (any insert, update or delete changes one of them). For cache keys; answered from
     * memory until either table changes.
     */
    async catalogVersions(workspaceUuid: string): Promise<{ customs: Array<{ uuid: string; baseUrl: string; updatedAt: string }>; connectors: string }> {
      const rows = await db.allCached<{ kind: string; uuid: string | null; base_url: string | null; updated_at: string | null; count: number | string | null }>(
        `SELECT 'custom' AS kind, uuid, base_url, updated_at, NULL AS count FROM custom_integrations WHERE workspace_uuid = ?
         UNION ALL
         SELECT 'connectors' AS kind, NULL AS uuid, NULL AS base_url, MAX(updated_at) AS updated_at, COUNT(*) AS count FROM connectors WHERE workspace_uuid = ?
         ORDER BY kind DESC, uuid`,
        [workspaceUuid, workspaceUuid],
      );
      const customs = rows.filter((row) => row.kind === "custom").map((row) => ({ uuid: row.uuid!, baseUrl: row.base_url!, updatedAt: row.updated_at! }));
      const totals = rows.find((row) => row.kind === "connectors");
      return { customs, connectors: `${totals?.count}@${totals?.updated_at}` };
    },

    async slugExists(workspaceUuid: string, slug: string): Promise<boolean> {
      const row = await db.get("SELECT 1 AS found FROM custom_integrations WHERE workspace_uuid = ? AND slug = ?", [
        workspaceUuid,
        slug,
      ]);
      return row !== undefined;
    },

    /** The last manifest that passed validation, or null if none ever did. */
    async getStoredManifest(workspaceUuid: string, uuid: string): Promise<unknown> {
      const row = await db.get<{ manifest_json: string | null }>(
        "SELECT manifest_json FROM custom_integrations WHERE workspace_uuid = ? AND uuid = ?",
        [workspaceUuid, uuid],
      );
      return row?.manifest_json ? JSON.parse(row.manifest_json) : null;
    },

    async getBySlug(workspaceUuid: string, slug: string): Promise<CustomIntegration | null> {
      const row = await db.get<Row>("SELECT * FROM custom_integrations WHERE workspace_uuid = ? AND slug = ?", [
        workspaceUuid,
        slug,
      ]);
      return row ? toCustomIntegration(row) : null;
    },

    /** Stores a freshly validated manifest (and optionally a new base URL); the slug never changes. */
    async recordManifest(
      workspaceUuid: string,
      uuid: string,
      input: { baseUrl?: string; name: string; layout: ManifestLayout; manifest: unknown },
    ): Promise<CustomIntegration | null> {
      const now = new Date().toISOString();
      await db.run(
        `UPDATE custom_integrations SET base_url = COALESCE(?, base_url), name = ?, layout = ?, manifest_json = ?,
          manifest_fetched_at = ?, manifest_error = NULL, updated_at = ? WHERE workspace_uuid = ? AND uuid = ?`,
        [input.baseUrl ?? null, input.name, input.layout, JSON.stringify(input.manifest), now, now, workspaceUuid, uuid],
      );
      return this.get(workspaceUuid, uuid);
    },

    /** Remembers why the last fetch failed; the last good manifest stays. */
    async recordManifestError(workspaceUuid: string, uuid: string, message: string): Promise<void> {
      await db.run(
        "UPDATE custom_integrations SET manifest_error = ?, updated_at = ? WHERE workspace_uuid = ? AND uuid = ?",
        [message, new Date().toISOString(), workspaceUuid, uuid],
      );
    },

    async remove(workspaceUuid: string, uuid: string): Promise<boolean> {
      const { changes } = await db.run("DELETE FROM custom_integrations WHERE workspace_uuid = ? AND uuid = ?", [
        workspaceUuid,
        uuid,
      ]);
      return changes > 0;
    },
  };
}

export type CustomIntegrationRepository = ReturnType<typeof customIntegrationRepository>;
