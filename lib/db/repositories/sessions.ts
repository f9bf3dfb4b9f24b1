import type { SqlClient } from "../sql-client";

export interface StoredSession {
  userUuid: string;
  workspaceUuid: string;
  createdAt: string;
  expiresAt: string;
}

interface Row {
  [column: string]: unknown;
  user_uuid: string;
  workspace_uuid: string;
  created_at: string;
  expires_at: string;
}

/** Server-side sessions, keyed by a SHA-256 of the cookie's value (the value itself is never stored). */
export function sessionRepository(db: SqlClient) {
  return {
    async create(idHash: string, session: StoredSession & { ip?: string; userAgent?: string }): Promise<void> {
      await db.run(
        "INSERT INTO sessions (id_hash, user_uuid, workspace_uuid, created_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [idHash, session.userUuid, session.workspaceUuid, session.createdAt, session.expiresAt, session.ip ?? null, session.userAgent ?? null],
      );
    },
    /** The session when it exists and has not expired at `now`. */
    async get(idHash: string, now: string): Promise<StoredSession | null> {
      const row = await db.get<Row>("SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?", [idHash, now]);
      return row ? { userUuid: row.user_uuid, workspaceUuid: row.workspace_uuid, createdAt: row.created_at, expiresAt: row.expires_at } : null;
    },
    async switchWorkspace(idHash: string, workspaceUuid: string): Promise<void> {
      await db.run("UPDATE sessions SET workspace_uuid = ? WHERE id_hash = ?", [workspaceUuid, idHash]);
    },
    async delete(idHash: string): Promise<void> {
      await db.run("DELETE FROM sessions WHERE id_hash = ?", [idHash]);
    },
    /** Ends a user's sessions that act in one workspace (they were removed from it). */
    async deleteIn(workspaceUuid: string, userUuid: string): Promise<void> {
      await db.run("DELETE FROM sessions WHERE workspace_uuid = ? AND user_uuid = ?", [workspaceUuid, userUuid]);
    },
    /** Signs a user out everywhere; returns how many sessions ended. */
    async deleteAllOf(userUuid: string): Promise<number> {
      return (await db.run("DELETE FROM sessions WHERE user_uuid = ?", [userUuid])).changes;
    },
    async deleteExpired(now: string): Promise<void> {
      await db.run("DELETE FROM sessions WHERE expires_at <= ?", [now]);
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
