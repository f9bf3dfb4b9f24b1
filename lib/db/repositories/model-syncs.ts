import { randomUUID } from "node:crypto";
import type { ModelSync, ModelSyncStatus } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

interface SyncRow {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  model_uuid: string;
  status: ModelSyncStatus;
  trigger_kind: "manual" | "schedule";
  is_resumed: number | boolean;
  pages_count: number;
  added_count: number;
  updated_count: number;
  removed_count: number;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toSync(row: SyncRow): ModelSync & { workspaceUuid: string } {
  const started = row.started_at ? Date.parse(row.started_at) : null;
  const finished = row.finished_at ? Date.parse(row.finished_at) : null;
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    modelUuid: row.model_uuid,
    status: row.status,
    trigger: row.trigger_kind,
    isResumed: Boolean(row.is_resumed),
    pagesCount: Number(row.pages_count),
    addedCount: Number(row.added_count),
    updatedCount: Number(row.updated_count),
    removedCount: Number(row.removed_count),
    errorMessage: row.error_message,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: started !== null && finished !== null ? finished - started : null,
  };
}

export type StoredSync = ReturnType<typeof toSync>;

const OPEN = "status IN ('pending', 'running')";

/**
 * Syncs of models. At most one is open (pending or running) per model, which a unique partial
 * index enforces, so two processes starting one at once get one. A running sync is leased like a
 * run: every page is written only while its lease holder still holds it and it is still running,
 * so a cancel or a takeover stops the old holder at its next page.
 */
export function modelSyncRepository(db: SqlClient) {
  const get = async (uuid: string) => {
    const row = await db.get<SyncRow>(`SELECT * FROM model_syncs WHERE uuid = ?`, [uuid]);
    return row ? toSync(row) : null;
  };
  return {
    get,

    async list(modelUuid: string, limit = 20) {
      const rows = await db.all<SyncRow>(`SELECT * FROM model_syncs WHERE model_uuid = ? ORDER BY created_at DESC, uuid LIMIT ?`, [modelUuid, limit]);
      return rows.map(toSync);
    },

    /** The newest sync of each of these models. */
    async latest(modelUuids: readonly string[]) {
      if (modelUuids.length === 0) return new Map<string, StoredSync>();
      const rows = await db.all<SyncRow>(
        `SELECT s.* FROM model_syncs s WHERE s.model_uuid IN (${modelUuids.map(() => "?").join(", ")})
           AND s.created_at = (SELECT MAX(created_at) FROM model_syncs t WHERE t.model_uuid = s.model_uuid)`,
        [...modelUuids],
      );
      return new Map(rows.map((row) => [row.model_uuid, toSync(row)]));
    },

    /** Opens a sync, or answers the one already open (`created: false`). */
    async open(workspaceUuid: string, modelUuid: string, trigger: "manual" | "schedule", isResumed: boolean) {
      const uuid = randomUUID();
      const { changes } = await db.run(
        `INSERT INTO model_syncs (uuid, workspace_uuid, model_uuid, status, trigger_kind, is_resumed, created_at)
         VALUES (?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT DO NOTHING`,
        [uuid, workspaceUuid, modelUuid, trigger, isResumed ? 1 : 0, new Date().toISOString()],
      );
      if (changes > 0) return { sync: (await get(uuid))!, created: true };
      const row = await db.get<SyncRow>(`SELECT * FROM model_syncs WHERE model_uuid = ? AND ${OPEN}`, [modelUuid]);
      if (!row) throw new Error(`Could not open a sync of model ${modelUuid}`);
      return { sync: toSync(row), created: false };
    },

    /** Takes a pending sync, or a running one whose holder stopped renewing; answers whether we hold it. */
    async claim(uuid: string, owner: string, now: Date, until: Date): Promise<boolean> {
      const { changes } = await db.run(
        `UPDATE model_syncs SET status = 'running', lease_owner = ?, lease_expires_at = ?, started_at = COALESCE(started_at, ?)
         WHERE uuid = ? AND (status = 'pending' OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at <= ? OR lease_owner = ?)))`,
        [owner, until.toISOString(), now.toISOString(), uuid, now.toISOString(), owner],
      );
      return changes > 0;
    },

    /**
     * Adds one page's figures and renews the lease, only while `owner` holds the running sync:
     * false means it was cancelled or taken over, and the page must not be kept.
     */
    async recordPage(uuid: string, owner: string, until: Date, page: { added: number; updated: number; removed: number }): Promise<boolean> {
      const { changes } = await db.run(
        `UPDATE model_syncs SET pages_count = pages_count + 1, added_count = added_count + ?, updated_count = updated_count + ?,
           removed_count = removed_count + ?, lease_expires_at = ?
         WHERE uuid = ? AND status = 'running' AND lease_owner = ?`,
        [page.added, page.updated, page.removed, until.toISOString(), uuid, owner],
      );
      return changes > 0;
    },

    async renew(uuid: string, owner: string, until: Date): Promise<boolean> {
      const { changes } = await db.run(`UPDATE model_syncs SET lease_expires_at = ? WHERE uuid = ? AND status = 'running' AND lease_owner = ?`, [
        until.toISOString(),
        uuid,
        owner,
      ]);
      return changes > 0;
    },

    /** Ends a sync we hold; false when it had already been cancelled or taken over. */
    async finish(uuid: string, owner: string, status: "success" | "error", errorMessage: string | null): Promise<boolean> {
      const { changes } = await db.run(
        `UPDATE model_syncs SET status = ?, error_message = ?, finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
         WHERE uuid = ? AND status = 'running' AND lease_owner = ?`,
        [status, errorMessage, new Date().toISOString(), uuid, owner],
      );
      return changes > 0;
    },

    /** Cancels an open sync, wherever it runs: its holder stops at its next page. */
    async cancel(uuid: string): Promise<boolean> {
      const now = new Date().toISOString();
      const { changes } = await db.run(
        `UPDATE model_syncs SET status = 'cancelled', finished_at = ?, started_at = COALESCE(started_at, ?), lease_owner = NULL, lease_expires_at = NULL
         WHERE uuid = ? AND ${OPEN}`,
        [now, now, uuid],
      );
      return changes > 0;
    },

    /** Open syncs nobody holds: never started (their job went nowhere) or abandoned by a dead process. */
    async listClaimable(now: Date, limit: number) {
      const rows = await db.all<{ uuid: string; workspace_uuid: string }>(
        `SELECT uuid, workspace_uuid FROM model_syncs
         WHERE (status = 'pending' AND created_at <= ?) OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at <= ?))
         ORDER BY created_at LIMIT ?`,
        [new Date(now.getTime() - 5_000).toISOString(), now.toISOString(), limit],
      );
      return rows.map((row) => ({ uuid: row.uuid, workspaceUuid: row.workspace_uuid }));
    },
  };
}
