import type { SqlClient } from "../sql-client";

export interface AuditEntry {
  uuid: string;
  workspaceUuid: string | null;
  actorUserUuid: string | null;
  actorTokenUuid: string | null;
  /** Who, as shown: an email, a token's name, or the address of a failed sign-in. */
  actorLabel: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  createdAt: string;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string | null;
  actor_user_uuid: string | null;
  actor_token_uuid: string | null;
  actor_label: string | null;
  action: string;
  target: string | null;
  details_json: string | null;
  ip: string | null;
  created_at: string;
}

const toEntry = (row: Row): AuditEntry => ({
  uuid: row.uuid,
  workspaceUuid: row.workspace_uuid,
  actorUserUuid: row.actor_user_uuid,
  actorTokenUuid: row.actor_token_uuid,
  actorLabel: row.actor_label,
  action: row.action,
  target: row.target,
  details: row.details_json ? (JSON.parse(row.details_json) as Record<string, unknown>) : null,
  ip: row.ip,
  createdAt: row.created_at,
});

/** The append-only record of who did what, when and from where. */
export function auditLogRepository(db: SqlClient) {
  return {
    /** Returns the new entry's uuid. */
    async append(entry: Omit<AuditEntry, "uuid" | "createdAt"> & { createdAt?: string }): Promise<string> {
      const uuid = crypto.randomUUID();
      await db.run(
        `INSERT INTO audit_log (uuid, workspace_uuid, actor_user_uuid, actor_token_uuid, actor_label, action, target, details_json, ip, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          uuid,
          entry.workspaceUuid,
          entry.actorUserUuid,
          entry.actorTokenUuid,
          entry.actorLabel,
          entry.action,
          entry.target,
          entry.details ? JSON.stringify(entry.details) : null,
          entry.ip,
          entry.createdAt ?? new Date().toISOString(),
        ],
      );
      return uuid;
    },
    /** Takes back a sign-in attempt that turned out to be right (the only entry ever removed). */
    async remove(uuid: string): Promise<void> {
      await db.run("DELETE FROM audit_log WHERE uuid = ?", [uuid]);
    },
    /** Newest first; `before` (an ISO time) pages back. */
    async list(workspaceUuid: string, { limit = 50, before }: { limit?: number; before?: string } = {}): Promise<AuditEntry[]> {
      const rows = await db.all<Row>(
        `SELECT * FROM audit_log WHERE workspace_uuid = ? ${before ? "AND created_at < ?" : ""} ORDER BY created_at DESC, uuid LIMIT ?`,
        before ? [workspaceUuid, before, limit] : [workspaceUuid, limit],
      );
      return rows.map(toEntry);
    },
    /** How many times `action` happened since `since` for a target (an email) or from an address, outside any workspace. */
    async countSince(action: string, since: string, by: { target?: string; ip?: string }): Promise<number> {
      const column = by.target !== undefined ? "target" : "ip";
      const value = by.target ?? by.ip ?? "";
      const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log WHERE workspace_uuid IS NULL AND action = ? AND created_at > ? AND ${column} = ?`, [action, since, value]);
      return Number(row?.n ?? 0);
    },
  };
}

export type AuditLogRepository = ReturnType<typeof auditLogRepository>;
