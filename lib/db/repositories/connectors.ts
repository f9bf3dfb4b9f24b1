import { randomUUID } from "node:crypto";
import type { ConnectorTest } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

/** A connector as stored: its config sealed by lib/vault, which this folder never opens. */
export interface StoredConnector {
  uuid: string;
  workspaceUuid: string;
  integrationSlug: string;
  slug: string;
  name: string;
  sealedConfig: string;
  lastTest: ConnectorTest | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  integration_slug: string;
  slug: string;
  name: string;
  sealed_config: string;
  last_test_outcome: "success" | "error" | null;
  last_test_message: string | null;
  last_tested_at: string | null;
  created_at: string;
  updated_at: string;
}

function toStoredConnector(row: Row): StoredConnector {
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    integrationSlug: row.integration_slug,
    slug: row.slug,
    name: row.name,
    sealedConfig: row.sealed_config,
    lastTest:
      row.last_test_outcome && row.last_tested_at
        ? { outcome: row.last_test_outcome, errorMessage: row.last_test_message, testedAt: row.last_tested_at }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewConnector {
  /** Given when the uuid was already sent to the integration server (authenticate before save). */
  uuid?: string;
  integrationSlug: string;
  slug: string;
  name: string;
  sealedConfig: string;
  lastTest: ConnectorTest | null;
}

/** Connectors of one workspace at a time; slugs are unique per workspace. */
export function connectorRepository(db: SqlClient) {
  const get = async (workspaceUuid: string, uuid: string): Promise<StoredConnector | null> => {
    const row = await db.get<Row>("SELECT * FROM connectors WHERE workspace_uuid = ? AND uuid = ?", [workspaceUuid, uuid]);
    return row ? toStoredConnector(row) : null;
  };

  return {
    get,

    async create(workspaceUuid: string, input: NewConnector): Promise<StoredConnector> {
      const now = new Date().toISOString();
      const uuid = input.uuid ?? randomUUID();
      await db.run(
        `INSERT INTO connectors (uuid, workspace_uuid, integration_slug, slug, name, sealed_config,
          last_test_outcome, last_test_message, last_tested_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          uuid,
          workspaceUuid,
          input.integrationSlug,
          input.slug,
          input.name,
          input.sealedConfig,
          input.lastTest?.outcome ?? null,
          input.lastTest?.errorMessage ?? null,
          input.lastTest?.testedAt ?? null,
          now,
          now,
        ],
      );
      return (await get(workspaceUuid, uuid))!;
    },

    async list(workspaceUuid: string, filter: { integrationSlug?: string } = {}): Promise<StoredConnector[]> {
      const rows = filter.integrationSlug
        ? await db.all<Row>("SELECT * FROM connectors WHERE workspace_uuid = ? AND integration_slug = ? ORDER BY created_at, slug", [
            workspaceUuid,
            filter.integrationSlug,
          ])
        : await db.all<Row>("SELECT * FROM connectors WHERE workspace_uuid = ? ORDER BY created_at, slug", [workspaceUuid]);
      return rows.map(toStoredConnector);
    },

    async slugExists(workspaceUuid: string, slug: string): Promise<boolean> {
      return (await db.get("SELECT 1 AS found FROM connectors WHERE workspace_uuid = ? AND slug = ?", [workspaceUuid, slug])) !== undefined;
    },

    async update(
      workspaceUuid: string,
      uuid: string,
      changes: { name?: string; sealedConfig?: string; lastTest?: ConnectorTest },
    ): Promise<StoredConnector | null> {
      const current = await get(workspaceUuid, uuid);
      if (!current) return null;
      const lastTest = changes.lastTest ?? current.lastTest;
      await db.run(
        `UPDATE connectors SET name = ?, sealed_config = ?, last_test_outcome = ?, last_test_message = ?,
          last_tested_at = ?, updated_at = ? WHERE workspace_uuid = ? AND uuid = ?`,
        [
          changes.name ?? current.name,
          changes.sealedConfig ?? current.sealedConfig,
          lastTest?.outcome ?? null,
          lastTest?.errorMessage ?? null,
          lastTest?.testedAt ?? null,
          new Date().toISOString(),
          workspaceUuid,
          uuid,
        ],
      );
      return get(workspaceUuid, uuid);
    },

    async remove(workspaceUuid: string, uuid: string): Promise<boolean> {
      return (await db.run("DELETE FROM connectors WHERE workspace_uuid = ? AND uuid = ?", [workspaceUuid, uuid])).changes > 0;
    },
  };
}

export type ConnectorRepository = ReturnType<typeof connectorRepository>;
