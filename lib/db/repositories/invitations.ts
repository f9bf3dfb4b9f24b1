import type { SqlClient } from "../sql-client";
import type { WorkspaceRole } from "./users";

export interface Invitation {
  uuid: string;
  workspaceUuid: string;
  role: WorkspaceRole;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  role: WorkspaceRole;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

const toInvitation = (row: Row): Invitation => ({
  uuid: row.uuid,
  workspaceUuid: row.workspace_uuid,
  role: row.role,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
});

/** Invitation links, stored as a SHA-256 of their code; each is used once. */
export function invitationRepository(db: SqlClient) {
  return {
    async create(invitation: Omit<Invitation, "acceptedAt">, codeHash: string): Promise<Invitation> {
      await db.run(
        "INSERT INTO invitations (uuid, workspace_uuid, role, code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [invitation.uuid, invitation.workspaceUuid, invitation.role, codeHash, invitation.createdBy, invitation.createdAt, invitation.expiresAt],
      );
      return { ...invitation, acceptedAt: null };
    },
    /** An open invitation (not accepted, not expired at `now`) by the hash of its code. */
    async findOpen(codeHash: string, now: string): Promise<Invitation | null> {
      const row = await db.get<Row>("SELECT * FROM invitations WHERE code_hash = ? AND accepted_at IS NULL AND expires_at > ?", [codeHash, now]);
      return row ? toInvitation(row) : null;
    },
    /** Marks it used; false when someone used it first. */
    async accept(uuid: string, userUuid: string, at: string): Promise<boolean> {
      const { changes } = await db.run("UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE uuid = ? AND accepted_at IS NULL", [at, userUuid, uuid]);
      return changes > 0;
    },
    async listOpen(workspaceUuid: string, now: string): Promise<Invitation[]> {
      const rows = await db.all<Row>("SELECT * FROM invitations WHERE workspace_uuid = ? AND accepted_at IS NULL AND expires_at > ? ORDER BY created_at DESC", [
        workspaceUuid,
        now,
      ]);
      return rows.map(toInvitation);
    },
  };
}

export type InvitationRepository = ReturnType<typeof invitationRepository>;
