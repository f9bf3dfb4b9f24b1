import type { SqlClient } from "../sql-client";
import type { User, WorkspaceRole } from "./users";

export interface Member extends User {
  role: WorkspaceRole;
  joinedAt: string;
}

export interface UserWorkspace {
  uuid: string;
  name: string;
  role: WorkspaceRole;
}

interface MemberRow {
  [column: string]: unknown;
  uuid: string;
  email: string;
  name: string;
  created_at: string;
  role: WorkspaceRole;
  joined_at: string;
}

/** Who belongs to which workspace, with which role. */
export function membershipRepository(db: SqlClient) {
  return {
    async add(workspaceUuid: string, userUuid: string, role: WorkspaceRole): Promise<void> {
      await db.run(
        `INSERT INTO memberships (workspace_uuid, user_uuid, role, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (workspace_uuid, user_uuid) DO NOTHING`,
        [workspaceUuid, userUuid, role, new Date().toISOString()],
      );
    },
    async role(workspaceUuid: string, userUuid: string): Promise<WorkspaceRole | null> {
      const row = await db.get<{ role: WorkspaceRole }>("SELECT role FROM memberships WHERE workspace_uuid = ? AND user_uuid = ?", [workspaceUuid, userUuid]);
      return row?.role ?? null;
    },
    async list(workspaceUuid: string): Promise<Member[]> {
      const rows = await db.all<MemberRow>(
        `SELECT u.uuid, u.email, u.name, u.created_at, m.role, m.created_at AS joined_at
         FROM memberships m JOIN users u ON u.uuid = m.user_uuid
         WHERE m.workspace_uuid = ? ORDER BY m.created_at, u.email`,
        [workspaceUuid],
      );
      return rows.map((row) => ({ uuid: row.uuid, email: row.email, name: row.name, createdAt: row.created_at, role: row.role, joinedAt: row.joined_at }));
    },
    async workspacesOf(userUuid: string): Promise<UserWorkspace[]> {
      return db.all<{ uuid: string; name: string; role: WorkspaceRole }>(
        `SELECT w.uuid, w.name, m.role FROM memberships m JOIN workspaces w ON w.uuid = m.workspace_uuid
         WHERE m.user_uuid = ? ORDER BY w.name, w.uuid`,
        [userUuid],
      );
    },
    async setRole(workspaceUuid: string, userUuid: string, role: WorkspaceRole): Promise<boolean> {
      const { changes } = await db.run("UPDATE memberships SET role = ? WHERE workspace_uuid = ? AND user_uuid = ?", [role, workspaceUuid, userUuid]);
      return changes > 0;
    },
    async remove(workspaceUuid: string, userUuid: string): Promise<boolean> {
      const { changes } = await db.run("DELETE FROM memberships WHERE workspace_uuid = ? AND user_uuid = ?", [workspaceUuid, userUuid]);
      return changes > 0;
    },
    async countOwners(workspaceUuid: string): Promise<number> {
      const row = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM memberships WHERE workspace_uuid = ? AND role = 'owner'", [workspaceUuid]);
      return Number(row?.n ?? 0);
    },
  };
}

export type MembershipRepository = ReturnType<typeof membershipRepository>;
