import type { SqlClient } from "../sql-client";

const UNFINISHED = "status IN ('pending', 'running')";
/** Free: nobody holds it, or the holder stopped renewing, or a parked run's wake time has come. */
const FREE = "(lease_expires_at IS NULL OR lease_expires_at <= ?)";

/**
 * Leases on runs, so that one process at a time executes a run, whichever database and however
 * many processes. Times are ISO strings (they sort as they compare); `owner` is a process id.
 * Every write is a conditional UPDATE: two processes racing for a run cannot both win.
 */
export function runLeaseRepository(db: SqlClient) {
  return {
    /** Takes an unfinished run that is free (or already ours); answers whether we now hold it. */
    async claim(runUuid: string, owner: string, now: Date, until: Date): Promise<boolean> {
      const { changes } = await db.run(
        `UPDATE runs SET lease_owner = ?, lease_expires_at = ?
         WHERE uuid = ? AND ${UNFINISHED} AND (${FREE} OR lease_owner = ?)`,
        [owner, until.toISOString(), runUuid, now.toISOString(), owner],
      );
      return changes > 0;
    },

    /** Pushes our leases' expiry out; answers the runs still ours (not taken over, not ended or cancelled). */
    async renew(runUuids: readonly string[], owner: string, until: Date): Promise<string[]> {
      if (runUuids.length === 0) return [];
      const rows = await db.all<{ uuid: string }>(
        `UPDATE runs SET lease_expires_at = ? WHERE lease_owner = ? AND ${UNFINISHED} AND uuid IN (${runUuids.map(() => "?").join(", ")})
         RETURNING uuid`,
        [until.toISOString(), owner, ...runUuids],
      );
      return rows.map((row) => row.uuid);
    },

    /**
     * Gives a run back. `availableAt` null makes it free at once; a parked run passes its wake
     * time, so no process takes it before it is due.
     */
    async release(runUuid: string, owner: string, availableAt: Date | null): Promise<void> {
      await db.run(`UPDATE runs SET lease_owner = NULL, lease_expires_at = ? WHERE uuid = ? AND lease_owner = ?`, [
        availableAt?.toISOString() ?? null,
        runUuid,
        owner,
      ]);
    },

    /** Unfinished runs nobody holds (new, abandoned by a dead process, or parked and due), oldest first. */
    async listClaimable(now: Date, limit: number): Promise<Array<{ workspaceUuid: string; uuid: string; orphaned: boolean }>> {
      const rows = await db.all<{ uuid: string; workspace_uuid: string; lease_owner: string | null }>(
        `SELECT uuid, workspace_uuid, lease_owner FROM runs WHERE ${UNFINISHED} AND ${FREE} ORDER BY created_at, uuid LIMIT ?`,
        [now.toISOString(), limit],
      );
      return rows.map((row) => ({ workspaceUuid: row.workspace_uuid, uuid: row.uuid, orphaned: row.lease_owner !== null }));
    },

    /** The processes holding unfinished runs (to find the ones of a process that is gone). */
    async owners(): Promise<string[]> {
      const rows = await db.all<{ lease_owner: string }>(
        `SELECT DISTINCT lease_owner FROM runs WHERE ${UNFINISHED} AND lease_owner IS NOT NULL`,
      );
      return rows.map((row) => row.lease_owner);
    },

    /** Frees every unfinished run a process holds (one known to be dead); answers how many. */
    async releaseAllOf(owner: string): Promise<number> {
      const { changes } = await db.run(`UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ? AND ${UNFINISHED}`, [owner]);
      return changes;
    },

    /** Who holds a run and until when (tests, the chaos check). */
    async holderOf(runUuid: string): Promise<{ owner: string | null; expiresAt: string | null } | null> {
      const row = await db.get<{ lease_owner: string | null; lease_expires_at: string | null }>(
        "SELECT lease_owner, lease_expires_at FROM runs WHERE uuid = ?",
        [runUuid],
      );
      return row ? { owner: row.lease_owner, expiresAt: row.lease_expires_at } : null;
    },
  };
}

export type RunLeaseRepository = ReturnType<typeof runLeaseRepository>;
