import type { Migration } from "./migration";

/**
 * Tools: a name and a signed webhook over a workflow (one tool per workflow; the form is its
 * deployed release's). The webhook secret is sealed by the vault, since verifying a signature
 * needs it in the clear; its last characters are kept apart to tell secrets apart without opening
 * it. `tool_webhook_deliveries` remembers each accepted signed delivery (a SHA-256 of its signed
 * time and body) until its time falls out of the signature's window, so a captured request sent
 * again inside the window is refused; past the window the time check refuses it anyway.
 */
export function toolsMigration(version: number): Migration {
  return {
    version,
    name: "tools and their webhook deliveries",
    statements: [
      `CREATE TABLE tools (
        uuid TEXT PRIMARY KEY,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        workflow_uuid TEXT NOT NULL UNIQUE REFERENCES workflows(uuid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        webhook_enabled INTEGER NOT NULL DEFAULT 0,
        sealed_webhook_secret TEXT,
        webhook_secret_hint TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX tools_workspace_created ON tools (workspace_uuid, created_at)`,
      `CREATE TABLE tool_webhook_deliveries (
        tool_uuid TEXT NOT NULL REFERENCES tools(uuid) ON DELETE CASCADE,
        delivery_digest TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (tool_uuid, delivery_digest)
      )`,
      `CREATE INDEX tool_webhook_deliveries_expires ON tool_webhook_deliveries (expires_at)`,
    ],
  };
}
