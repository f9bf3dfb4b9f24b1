import type { Migration } from "./migration";

/**
 * Accounts: users, their roles in workspaces, server-side sessions, API tokens, invitations and the
 * audit log. Secrets (session ids, tokens, invitation codes) are stored only as SHA-256 hashes, so
 * a copy of the database hands out no live credential; passwords as scrypt hashes.
 */
export function accountsMigration(version: number): Migration {
  return {
    version,
    name: "accounts, sessions, API tokens and the audit log",
    statements: [
      `CREATE TABLE users (
        uuid TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE memberships (
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        user_uuid TEXT NOT NULL REFERENCES users(uuid) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (workspace_uuid, user_uuid)
      )`,
      `CREATE INDEX memberships_user ON memberships (user_uuid)`,
      `CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_uuid TEXT NOT NULL REFERENCES users(uuid) ON DELETE CASCADE,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        ip TEXT,
        user_agent TEXT
      )`,
      `CREATE INDEX sessions_user ON sessions (user_uuid)`,
      `CREATE TABLE api_tokens (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        user_uuid TEXT REFERENCES users(uuid) ON DELETE SET NULL,
        name TEXT NOT NULL,
        prefix TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      )`,
      `CREATE INDEX api_tokens_workspace ON api_tokens (workspace_uuid, created_at)`,
      `CREATE TABLE invitations (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        role TEXT NOT NULL,
        code_hash TEXT NOT NULL UNIQUE,
        created_by TEXT REFERENCES users(uuid) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        accepted_at TEXT,
        accepted_by TEXT REFERENCES users(uuid) ON DELETE SET NULL
      )`,
      `CREATE INDEX invitations_workspace ON invitations (workspace_uuid, created_at)`,
      `CREATE TABLE audit_log (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT,
        actor_user_uuid TEXT,
        actor_token_uuid TEXT,
        actor_label TEXT,
        action TEXT NOT NULL,
        target TEXT,
        details_json TEXT,
        ip TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX audit_log_workspace ON audit_log (workspace_uuid, created_at)`,
      `CREATE INDEX audit_log_action ON audit_log (action, created_at)`,
    ],
  };
}
