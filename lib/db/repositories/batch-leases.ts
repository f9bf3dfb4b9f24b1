import type { SqlClient } from "../sql-client";

/** What the holder of a `pending` batch is doing: creating its runs, or retrying its failed ones. */
export type BatchLeaseTask = "create" | "retry";

/** A lease given with the write that makes a batch `pending` (its insert, or a retry's transition). */
export interface BatchLeaseGrant {
  holder: string;
  expiresAt: Date;
  task: BatchLeaseTask;
}

/** Free: nobody holds it (a batch from before leases), or its holder stopped renewing. */
const FREE = "status = 'pending' AND (lease_expires_at IS NULL OR lease_expires_at <= ?)";

/**
 * Leases on `pending` batches, so that a batch whose creating process died is finished by a
 * worker. Like run leases: a conditional UPDATE takes one, a renewal keeps it, and a holder's
 * writes are fenced by its id (`transition(…, { heldBy })`), so a process that lost its lease
 * cannot mark the batch running under the one that took it over.
 */
export function batchLeaseRepository(db: SqlClient) {
  return {
    /** Takes a pending batch whose lease is free; answers its task, or null when another holds it or it is no longer pending. */
    async claim(batchUuid: string, holder: string, now: Date, until: Date): Promise<BatchLeaseTask | null> {
      const rows = await db.all<{ lease_task: BatchLeaseTask | null }>(
        `UPDATE batches SET lease_owner = ?, lease_expires_at = ? WHERE uuid = ? AND ${FREE} RETURNING lease_task`,
        [holder, until.toISOString(), batchUuid, now.toISOString()],
      );
      return rows[0] ? (rows[0].lease_task ?? "create") : null;
    },

    /** Pushes the expiry out; false once the batch was cancelled, ended or taken over. */
    async renew(batchUuid: string, holder: string, until: Date): Promise<boolean> {
      const { changes } = await db.run(`UPDATE batches SET lease_expires_at = ? WHERE uuid = ? AND status = 'pending' AND lease_owner = ?`, [
        until.toISOString(),
        batchUuid,
        holder,
      ]);
      return changes > 0;
    },

    /** Frees the lease at once (a worker stopping mid-creation), so the next sweep anywhere resumes it. */
    async release(batchUuid: string, holder: string): Promise<void> {
      await db.run("UPDATE batches SET lease_owner = NULL, lease_expires_at = NULL WHERE uuid = ? AND lease_owner = ?", [batchUuid, holder]);
    },

    /** Pending batches nobody holds, oldest first. */
    async listClaimable(now: Date, limit: number): Promise<Array<{ workspaceUuid: string; uuid: string }>> {
      const rows = await db.all<{ uuid: string; workspace_uuid: string }>(`SELECT uuid, workspace_uuid FROM batches WHERE ${FREE} ORDER BY created_at, uuid LIMIT ?`, [
        now.toISOString(),
        limit,
      ]);
      return rows.map((row) => ({ workspaceUuid: row.workspace_uuid, uuid: row.uuid }));
    },
  };
}

export type BatchLeaseRepository = ReturnType<typeof batchLeaseRepository>;
