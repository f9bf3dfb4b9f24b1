import type { SqlClient } from "../sql-client";

/** An OAuth round trip the app started, keyed by a hash of its `state` (the state itself is never stored). */
export interface StoredOauthState {
  workspaceUuid: string;
  integrationSlug: string;
  redirectUri: string;
  /** The connector the value is meant for; null when the value goes back to a form. */
  connectorUuid: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

interface Row {
  [column: string]: unknown;
  workspace_uuid: string;
  integration_slug: string;
  redirect_uri: string;
  connector_uuid: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

function toStoredOauthState(row: Row): StoredOauthState {
  return {
    workspaceUuid: row.workspace_uuid,
    integrationSlug: row.integration_slug,
    redirectUri: row.redirect_uri,
    connectorUuid: row.connector_uuid,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

/** Issued OAuth states. Times are ISO strings, so they compare as text. */
export function oauthStateRepository(db: SqlClient) {
  return {
    async create(stateHash: string, state: Omit<StoredOauthState, "usedAt">): Promise<void> {
      await db.run(
        `INSERT INTO oauth_states (state_hash, workspace_uuid, integration_slug, redirect_uri, connector_uuid, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [stateHash, state.workspaceUuid, state.integrationSlug, state.redirectUri, state.connectorUuid, state.createdAt, state.expiresAt],
      );
    },

    async get(workspaceUuid: string, stateHash: string): Promise<StoredOauthState | null> {
      const row = await db.get<Row>("SELECT * FROM oauth_states WHERE workspace_uuid = ? AND state_hash = ?", [workspaceUuid, stateHash]);
      return row ? toStoredOauthState(row) : null;
    },

    /** Marks the state used; false when it already was (two callbacks racing for one state). */
    async markUsed(workspaceUuid: string, stateHash: string, usedAt: string): Promise<boolean> {
      const { changes } = await db.run(
        "UPDATE oauth_states SET used_at = ? WHERE workspace_uuid = ? AND state_hash = ? AND used_at IS NULL",
        [usedAt, workspaceUuid, stateHash],
      );
      return changes === 1;
    },

    /** Forgets states that expired before `now`, used or not. */
    async removeExpired(now: string): Promise<number> {
      return (await db.run("DELETE FROM oauth_states WHERE expires_at < ?", [now])).changes;
    },
  };
}

export type OauthStateRepository = ReturnType<typeof oauthStateRepository>;
