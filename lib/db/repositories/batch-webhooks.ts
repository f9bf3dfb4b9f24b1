import { randomUUID } from "node:crypto";
import type { BatchWebhook, BatchWebhookStatus } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

/** What a delivery needs, and only a delivery: the sealed secret never leaves this shape. */
export interface BatchWebhookTarget {
  workspaceUuid: string;
  batchUuid: string;
  url: string;
  sealedSecret: string;
  deliveryUuid: string;
  attempts: number;
}

/** The outcome of one attempt: delivered, or failed with a reason and when to try again (null: never). */
export type BatchWebhookAttempt = { delivered: Date } | { error: string; retryAt: Date | null };

/** Batches whose delivery may go now: the batch has ended, the attempt is due, nobody holds it. */
const DUE = `status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (lease_expires_at IS NULL OR lease_expires_at <= ?)
  AND EXISTS (SELECT 1 FROM batches b WHERE b.uuid = batch_webhooks.batch_uuid AND b.status IN ('success', 'error', 'cancelled'))`;

/**
 * Where each batch's `batch.finished` webhook stands. A delivery is claimed with a conditional
 * UPDATE of its lease and its outcome written only by the holder, so however many workers sweep,
 * one sends each attempt and one records it.
 */
export function batchWebhookRepository(db: SqlClient) {
  return {
    /** A webhook for a new batch, due once the batch ends; written in the transaction that inserts the batch. */
    async create(webhook: { batchUuid: string; workspaceUuid: string; url: string; sealedSecret: string }): Promise<void> {
      await db.run(
        `INSERT INTO batch_webhooks (batch_uuid, workspace_uuid, url, sealed_secret, delivery_uuid, status) VALUES (?, ?, ?, ?, ?, 'pending')`,
        [webhook.batchUuid, webhook.workspaceUuid, webhook.url, webhook.sealedSecret, randomUUID()],
      );
    },

    /** The delivery's state and URL as the batch answers them, or null for a batch without a webhook. */
    async get(batchUuid: string): Promise<{ url: string; webhook: BatchWebhook } | null> {
      const row = await db.get<{ url: string; status: BatchWebhookStatus; attempts: number | string; last_error: string | null; next_attempt_at: string | null; delivered_at: string | null }>(
        "SELECT url, status, attempts, last_error, next_attempt_at, delivered_at FROM batch_webhooks WHERE batch_uuid = ?",
        [batchUuid],
      );
      if (!row) return null;
      return {
        url: row.url,
        webhook: { status: row.status, attempts: Number(row.attempts), lastError: row.last_error, nextAttemptAt: row.next_attempt_at, deliveredAt: row.delivered_at },
      };
    },

    /** Running batches with a delivery waiting for them to end: the sweep settles these, as a read would. */
    async listAwaiting(limit: number): Promise<Array<{ workspaceUuid: string; batchUuid: string }>> {
      const rows = await db.all<{ workspace_uuid: string; batch_uuid: string }>(
        `SELECT w.workspace_uuid, w.batch_uuid FROM batch_webhooks w JOIN batches b ON b.uuid = w.batch_uuid
         WHERE w.status = 'pending' AND b.status = 'running' ORDER BY b.created_at LIMIT ?`,
        [limit],
      );
      return rows.map((row) => ({ workspaceUuid: row.workspace_uuid, batchUuid: row.batch_uuid }));
    },

    /** Deliveries that may be attempted at `now`, the longest waiting first. */
    async listDue(now: Date, limit: number): Promise<string[]> {
      const at = now.toISOString();
      const rows = await db.all<{ batch_uuid: string }>(`SELECT batch_uuid FROM batch_webhooks WHERE ${DUE} ORDER BY COALESCE(next_attempt_at, ''), batch_uuid LIMIT ?`, [at, at, limit]);
      return rows.map((row) => row.batch_uuid);
    },

    /** Takes a due delivery for `holder` until `until`; answers the target, or null when another holds it or it is not due. */
    async claim(batchUuid: string, holder: string, now: Date, until: Date): Promise<BatchWebhookTarget | null> {
      const at = now.toISOString();
      const rows = await db.all<{ workspace_uuid: string; url: string; sealed_secret: string; delivery_uuid: string; attempts: number | string }>(
        `UPDATE batch_webhooks SET lease_owner = ?, lease_expires_at = ? WHERE batch_uuid = ? AND ${DUE}
         RETURNING workspace_uuid, url, sealed_secret, delivery_uuid, attempts`,
        [holder, until.toISOString(), batchUuid, at, at],
      );
      const row = rows[0];
      if (!row) return null;
      return { workspaceUuid: row.workspace_uuid, batchUuid, url: row.url, sealedSecret: row.sealed_secret, deliveryUuid: row.delivery_uuid, attempts: Number(row.attempts) };
    },

    /** Writes an attempt's outcome and frees the lease, only while `holder` still holds it; answers whether it did. */
    async record(batchUuid: string, holder: string, attempt: BatchWebhookAttempt): Promise<boolean> {
      const [status, error, nextAt, deliveredAt] =
        "delivered" in attempt
          ? ["delivered", null, null, attempt.delivered.toISOString()]
          : [attempt.retryAt ? "pending" : "failed", attempt.error, attempt.retryAt?.toISOString() ?? null, null];
      const { changes } = await db.run(
        `UPDATE batch_webhooks SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, delivered_at = ?, lease_owner = NULL, lease_expires_at = NULL
         WHERE batch_uuid = ? AND lease_owner = ? AND status = 'pending'`,
        [status, error, nextAt, deliveredAt, batchUuid, holder],
      );
      return changes > 0;
    },

    /** Gives a claimed delivery back without counting an attempt (the worker is stopping). */
    async release(batchUuid: string, holder: string): Promise<void> {
      await db.run("UPDATE batch_webhooks SET lease_owner = NULL, lease_expires_at = NULL WHERE batch_uuid = ? AND lease_owner = ?", [batchUuid, holder]);
    },

    /**
     * A retry of the batch's failed runs will end it again: one more `batch.finished`, under a new
     * delivery id, with its attempts counted afresh. A delivery in flight can no longer record.
     */
    async rearm(batchUuid: string): Promise<void> {
      await db.run(
        `UPDATE batch_webhooks SET status = 'pending', delivery_uuid = ?, attempts = 0, last_error = NULL, next_attempt_at = NULL, delivered_at = NULL,
           lease_owner = NULL, lease_expires_at = NULL
         WHERE batch_uuid = ?`,
        [randomUUID(), batchUuid],
      );
    },
  };
}

export type BatchWebhookRepository = ReturnType<typeof batchWebhookRepository>;
