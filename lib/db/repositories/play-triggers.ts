import type { PlayChangeKind } from "@/lib/contract";
import type { SqlClient, SqlValue } from "../sql-client";

/** Which records a `change` batch runs: the segment's changes in a sync, of some kinds. */
export interface ChangeSelection {
  playUuid: string;
  segmentUuid: string;
  syncUuid: string;
  changeKinds: readonly PlayChangeKind[];
  /** Only records not enrolled in the play by another trigger (runCreationRule `once`). */
  triggerKey: string | null;
}

const marks = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/**
 * A play's triggers (one row per trigger key: a sync's changes or a cron tick, claimed once across
 * processes) and its enrollments (which records it has run, for `runCreationRule: once`). Part of
 * the plays repository, which spreads these methods into its own.
 */
export function playTriggerRepository(db: SqlClient) {
  const changes = (selection: ChangeSelection) => {
    const { playUuid, segmentUuid, syncUuid, changeKinds, triggerKey } = selection;
    const once = triggerKey === null ? "" : "AND (e.trigger_key IS NULL OR e.trigger_key = ?)";
    const params: SqlValue[] = [playUuid, syncUuid, segmentUuid, ...changeKinds, ...(triggerKey === null ? [] : [triggerKey])];
    return {
      sql: `FROM segment_changes c LEFT JOIN play_enrollments e ON e.play_uuid = ? AND e.record_id = c.record_id
        WHERE c.sync_uuid = ? AND c.segment_uuid = ? AND c.kind IN (${marks(changeKinds.length)}) ${once}`,
      params,
    };
  };
  return {
    /** Claims a trigger for a play: false when it was claimed already (by this or another process). */
    async claimTrigger(playUuid: string, triggerKey: string, batchUuid: string): Promise<boolean> {
      const { changes: count } = await db.run(
        `INSERT INTO play_triggers (play_uuid, trigger_key, batch_uuid, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [playUuid, triggerKey, batchUuid, new Date().toISOString()],
      );
      return count > 0;
    },

    /** Enrolls every record `selection` holds that the play has not enrolled yet, under its trigger key. */
    async enroll(selection: ChangeSelection & { triggerKey: string }): Promise<void> {
      const { sql, params } = changes(selection);
      await db.run(
        `INSERT INTO play_enrollments (play_uuid, record_id, trigger_key, created_at) SELECT ?, c.record_id, ?, ? ${sql} ORDER BY c.record_id ON CONFLICT DO NOTHING`,
        [selection.playUuid, selection.triggerKey, new Date().toISOString(), ...params],
      );
    },

    /**
     * Whether a batch this play started under a trigger key with this prefix (`cron:`) has not
     * ended: still creating its runs, or with a run not ended. Read from the runs, because a
     * batch is settled `success` only when someone reads it.
     */
    async hasUnfinishedBatch(playUuid: string, keyPrefix: string): Promise<boolean> {
      const row = await db.get(
        `SELECT 1 AS found FROM play_triggers t JOIN batches b ON b.uuid = t.batch_uuid
         WHERE t.play_uuid = ? AND t.trigger_key LIKE ?
           AND (b.status = 'pending' OR (b.status = 'running' AND EXISTS (
             SELECT 1 FROM runs r WHERE r.batch_uuid = b.uuid AND r.retried_at IS NULL AND r.status IN ('pending', 'running'))))
         LIMIT 1`,
        [playUuid, `${keyPrefix}%`],
      );
      return row !== undefined;
    },

    /** Forgets which records the play ran once (its model changed). */
    async clearEnrollments(playUuid: string): Promise<void> {
      await db.run(`DELETE FROM play_enrollments WHERE play_uuid = ?`, [playUuid]);
    },

    /** Whether a trigger was claimed: a scheduled batch's records are then exactly those it enrolled. */
    async hasTrigger(playUuid: string, triggerKey: string): Promise<boolean> {
      return (await db.get(`SELECT 1 AS found FROM play_triggers WHERE play_uuid = ? AND trigger_key = ?`, [playUuid, triggerKey])) !== undefined;
    },

    /**
     * Enrolls the given records under a trigger key; one enrolled already keeps its first key.
     * In id order, as `enroll` inserts, so two triggers enrolling at once lock rows in one order.
     */
    async enrollIds(playUuid: string, triggerKey: string, recordIds: readonly string[]): Promise<void> {
      const now = new Date().toISOString();
      const sorted = [...recordIds].sort();
      for (let at = 0; at < sorted.length; at += 300) {
        const part = sorted.slice(at, at + 300);
        await db.run(
          `INSERT INTO play_enrollments (play_uuid, record_id, trigger_key, created_at) VALUES ${part.map(() => "(?, ?, ?, ?)").join(", ")} ON CONFLICT DO NOTHING`,
          part.flatMap((recordId) => [playUuid, recordId, triggerKey, now]),
        );
      }
    },

    /** The trigger key each of these records was enrolled under, for those enrolled. */
    async enrollmentKeys(playUuid: string, recordIds: readonly string[]): Promise<Map<string, string>> {
      if (recordIds.length === 0) return new Map();
      const rows = await db.all<{ record_id: string; trigger_key: string }>(
        `SELECT record_id, trigger_key FROM play_enrollments WHERE play_uuid = ? AND record_id IN (${marks(recordIds.length)})`,
        [playUuid, ...recordIds],
      );
      return new Map(rows.map((row) => [row.record_id, row.trigger_key]));
    },

    /** The records enrolled under a trigger key, in id order. */
    async enrolledIds(playUuid: string, triggerKey: string): Promise<string[]> {
      const rows = await db.all<{ record_id: string }>(`SELECT record_id FROM play_enrollments WHERE play_uuid = ? AND trigger_key = ? ORDER BY record_id`, [
        playUuid,
        triggerKey,
      ]);
      return rows.map((row) => row.record_id);
    },

    /** The record ids a `change` batch runs, in id order (the same on every read), with the kind of their change. */
    async changedRecords(selection: ChangeSelection): Promise<Array<{ recordId: string; kind: PlayChangeKind }>> {
      if (selection.changeKinds.length === 0) return [];
      const { sql, params } = changes(selection);
      return (await db.all<{ record_id: string; kind: PlayChangeKind }>(`SELECT c.record_id, c.kind ${sql} ORDER BY c.record_id`, params)).map((row) => ({
        recordId: row.record_id,
        kind: row.kind,
      }));
    },

    /** The statuses of the play's latest runs ended (success or error) since its health window began, newest first. */
    async recentRunStatuses(playUuid: string, limit: number): Promise<string[]> {
      const rows = await db.all<{ status: string }>(
        `SELECT r.status FROM runs r JOIN play_triggers t ON t.batch_uuid = r.batch_uuid JOIN plays p ON p.uuid = t.play_uuid
         WHERE t.play_uuid = ? AND r.retried_at IS NULL AND r.status IN ('success', 'error') AND r.finished_at >= p.health_since
         ORDER BY r.finished_at DESC, r.uuid LIMIT ?`,
        [playUuid, limit],
      );
      return rows.map((row) => row.status);
    },
  };
}
