import type { SqlClient } from "../sql-client";

export interface Workspace {
  uuid: string;
  name: string;
  createdAt: string;
}

/** Workspaces: the tenant boundary every other table is scoped by. */
export function workspaceRepository(db: SqlClient) {
  return {
    async get(uuid: string): Promise<Workspace | null> {
      const row = await db.get<{ uuid: string; name: string; created_at: string }>(
        "SELECT uuid, name, created_at FROM workspaces WHERE uuid = ?",
        [uuid],
      );
      return row ? { uuid: row.uuid, name: row.name, createdAt: row.created_at } : null;
    },
    async rename(uuid: string, name: string): Promise<void> {
      await db.run("UPDATE workspaces SET name = ? WHERE uuid = ?", [name, uuid]);
    },
    async create(uuid: string, name: string): Promise<Workspace> {
      const createdAt = new Date().toISOString();
      await db.run("INSERT INTO workspaces (uuid, name, created_at) VALUES (?, ?, ?)", [uuid, name, createdAt]);
      return { uuid, name, createdAt };
    },
  };
}

export type WorkspaceRepository = ReturnType<typeof workspaceRepository>;
