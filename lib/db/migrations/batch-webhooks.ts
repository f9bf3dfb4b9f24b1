import type { Migration } from "./migration";

/**
 * Batch webhooks and creation leases. A batch asked with a webhook gets a `batch_webhooks` row in
 * the transaction that creates it: the URL, the secret sealed by the vault, the delivery's id
 * (the same on every attempt, so a receiver can tell a retry from a new event) and where the
 * delivery stands. A worker claims a due delivery with a conditional UPDATE of its lease, so one
 * worker at a time sends it. A `pending` batch is leased to the process creating its runs (or
 * retrying its failed ones: `lease_task`), renewed as it goes; a worker takes over one whose
 * lease ran out.
 */
export function batchWebhooksMigration(version: number): Migration {
  return {
    version,
    name: "batch webhooks and creation leases",
    statements: [
      `CREATE TABLE batch_webhooks (
        batch_uuid TEXT PRIMARY KEY REFERENCES batches(uuid) ON DELETE CASCADE,
        workspace_uuid TEXT NOT NULL REFERENCES workspaces(uuid) ON DELETE CASCADE,
        url TEXT NOT NULL,
        sealed_secret TEXT NOT NULL,
        delivery_uuid TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        lease_owner TEXT,
        lease_expires_at TEXT,
        last_error TEXT,
        delivered_at TEXT
      )`,
      `CREATE INDEX batch_webhooks_due ON batch_webhooks (status, next_attempt_at)`,
      `ALTER TABLE batches ADD COLUMN lease_owner TEXT`,
      `ALTER TABLE batches ADD COLUMN lease_expires_at TEXT`,
      `ALTER TABLE batches ADD COLUMN lease_task TEXT`,
      `CREATE INDEX batches_status_lease ON batches (status, lease_expires_at)`,
    ],
  };
}
