import type { SqlClient } from "../sql-client";

/** Small per-workspace flags and values (JSON-encoded), such as "the demo integration was offered". */
export function workspaceSettingsRepository(db: SqlClient) {
  return {
    async get<T>(workspaceUuid: string, key: string): Promise<T | undefined> {
      const row = await db.get<{ value: string }>(
        "SELECT value FROM workspace_settings WHERE workspace_uuid = ? AND key = ?",
        [workspaceUuid, key],
      );
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async set(workspaceUuid: string, key: string, value: unknown): Promise<void> {
      const now = new Date().toISOString();
      await db.run(
        `INSERT INTO workspace_settings (workspace_uuid, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (workspace_uuid, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [workspaceUuid, key, JSON.stringify(value), now],
      );
    },
  };
}

export type WorkspaceSettingsRepository = ReturnType<typeof workspaceSettingsRepository>;
