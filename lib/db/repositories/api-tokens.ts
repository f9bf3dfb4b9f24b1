import type { SqlClient } from "../sql-client";
import type { WorkspaceRole } from "./users";

export interface ApiToken {
  uuid: string;
  workspaceUuid: string;
  /** Who created it; tokens act with the rights of a member of their workspace. */
  userUuid: string | null;
  name: string;
  /** The token's first characters, shown so people can tell their tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  user_uuid: string | null;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toApiToken = (row: Row): ApiToken => ({
  uuid: row.uuid,
  workspaceUuid: row.workspace_uuid,
  userUuid: row.user_uuid,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** API tokens, stored as a SHA-256 of the token: the token itself is shown once and never kept. */
export function apiTokenRepository(db: SqlClient) {
  return {
    async create(token: Omit<ApiToken, "createdAt" | "lastUsedAt" | "revokedAt">, tokenHash: string): Promise<ApiToken> {
      const createdAt = new Date().toISOString();
      await db.run(
        "INSERT INTO api_tokens (uuid, workspace_uuid, user_uuid, name, prefix, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [token.uuid, token.workspaceUuid, token.userUuid, token.name, token.prefix, tokenHash, createdAt],
      );
      return { ...token, createdAt, lastUsedAt: null, revokedAt: null };
    },
    /**
     * A live (not revoked) token by its hash, with the role its creator has in the token's
     * workspace (null once they left it): one query, since every API call asks it, answered from
     * memory until a token or a membership changes.
     */
    async findActive(tokenHash: string): Promise<(ApiToken & { role: WorkspaceRole | null }) | null> {
      const [row] = await db.allCached<Row & { role: WorkspaceRole | null }>(
        `SELECT t.*, m.role FROM api_tokens t
         LEFT JOIN memberships m ON m.workspace_uuid = t.workspace_uuid AND m.user_uuid = t.user_uuid
         WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
        [tokenHash],
      );
      return row ? { ...toApiToken(row), role: row.role } : null;
    },
    async list(workspaceUuid: string): Promise<ApiToken[]> {
      const rows = await db.all<Row>("SELECT * FROM api_tokens WHERE workspace_uuid = ? ORDER BY created_at DESC, uuid", [workspaceUuid]);
      return rows.map(toApiToken);
    },
    async touch(uuid: string, at: string): Promise<void> {
      await db.run("UPDATE api_tokens SET last_used_at = ? WHERE uuid = ?", [at, uuid]);
    },
    async revokeAllOf(workspaceUuid: string, userUuid: string): Promise<void> {
      await db.run("UPDATE api_tokens SET revoked_at = ? WHERE workspace_uuid = ? AND user_uuid = ? AND revoked_at IS NULL", [new Date().toISOString(), workspaceUuid, userUuid]);
    },
    async revoke(workspaceUuid: string, uuid: string): Promise<ApiToken | null> {
      const revokedAt = new Date().toISOString();
      const { changes } = await db.run("UPDATE api_tokens SET revoked_at = ? WHERE workspace_uuid = ? AND uuid = ? AND revoked_at IS NULL", [
        revokedAt,
        workspaceUuid,
        uuid,
      ]);
      if (changes === 0) return null;
      const row = await db.get<Row>("SELECT * FROM api_tokens WHERE uuid = ?", [uuid]);
      return row ? toApiToken(row) : null;
    },
  };
}

export type ApiTokenRepository = ReturnType<typeof apiTokenRepository>;
