import { randomUUID } from "node:crypto";
import type { Filter, RecordSort, Segment, SegmentChange } from "@/lib/contract";
import type { SqlClient, SqlValue } from "../sql-client";

interface SegmentRow {
  [column: string]: unknown;
  uuid: string;
  model_uuid: string;
  name: string;
  filter_json: string;
  sort_json: string;
  created_at: string;
  updated_at: string;
}

function toSegment(row: SegmentRow): Segment {
  return {
    uuid: row.uuid,
    modelUuid: row.model_uuid,
    name: row.name,
    filter: JSON.parse(row.filter_json) as Filter,
    sort: JSON.parse(row.sort_json) as RecordSort,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Saved filters over a model, and what each sync changed in them. */
export function segmentRepository(db: SqlClient) {
  const get = async (workspaceUuid: string, uuid: string) => {
    const row = await db.get<SegmentRow>(`SELECT * FROM segments WHERE workspace_uuid = ? AND uuid = ?`, [workspaceUuid, uuid]);
    return row ? toSegment(row) : null;
  };
  return {
    get,

    async list(workspaceUuid: string, filter: { modelUuid?: string } = {}): Promise<Segment[]> {
      const rows = await db.all<SegmentRow>(
        `SELECT * FROM segments WHERE workspace_uuid = ? ${filter.modelUuid ? "AND model_uuid = ?" : ""} ORDER BY name, uuid`,
        filter.modelUuid ? [workspaceUuid, filter.modelUuid] : [workspaceUuid],
      );
      return rows.map(toSegment);
    },

    async create(workspaceUuid: string, input: { modelUuid: string; name: string; filter: Filter; sort: RecordSort }): Promise<Segment> {
      const uuid = randomUUID();
      const now = new Date().toISOString();
      await db.run(
        `INSERT INTO segments (uuid, workspace_uuid, model_uuid, name, filter_json, sort_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [uuid, workspaceUuid, input.modelUuid, input.name, JSON.stringify(input.filter), JSON.stringify(input.sort), now, now],
      );
      return (await get(workspaceUuid, uuid))!;
    },

    async update(workspaceUuid: string, uuid: string, changes: Partial<Pick<Segment, "name" | "filter" | "sort">>): Promise<Segment | null> {
      const current = await get(workspaceUuid, uuid);
      if (!current) return null;
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const next = { ...current, ...given };
      await db.run(`UPDATE segments SET name = ?, filter_json = ?, sort_json = ?, updated_at = ? WHERE workspace_uuid = ? AND uuid = ?`, [
        next.name,
        JSON.stringify(next.filter),
        JSON.stringify(next.sort),
        new Date().toISOString(),
        workspaceUuid,
        uuid,
      ]);
      return get(workspaceUuid, uuid);
    },

    async remove(workspaceUuid: string, uuid: string): Promise<boolean> {
      const { changes } = await db.run(`DELETE FROM segments WHERE workspace_uuid = ? AND uuid = ?`, [workspaceUuid, uuid]);
      return changes > 0;
    },

    /** Records a sync's changes; a record already noted for this sync and segment keeps its first kind. */
    async addChanges(syncUuid: string, segmentUuid: string, changes: ReadonlyArray<{ recordId: string; kind: SegmentChange["kind"] }>) {
      const now = new Date().toISOString();
      for (let i = 0; i < changes.length; i += 100) {
        const part = changes.slice(i, i + 100);
        const params: SqlValue[] = [];
        for (const change of part) params.push(syncUuid, segmentUuid, change.recordId, change.kind, now);
        await db.run(
          `INSERT INTO segment_changes (sync_uuid, segment_uuid, record_id, kind, created_at) VALUES ${part.map(() => "(?, ?, ?, ?, ?)").join(", ")}
           ON CONFLICT DO NOTHING`,
          params,
        );
      }
    },

    /**
     * Forgets the changes recorded before `before`, segment by segment (the index on
     * `(segment_uuid, created_at)` serves each delete); answers how many went.
     */
    async pruneChanges(before: string): Promise<number> {
      let removed = 0;
      for (const { uuid } of await db.all<{ uuid: string }>(`SELECT uuid FROM segments`)) {
        removed += (await db.run(`DELETE FROM segment_changes WHERE segment_uuid = ? AND created_at < ?`, [uuid, before])).changes;
      }
      return removed;
    },

    async listChanges(segmentUuid: string, filter: { syncUuid?: string; limit: number }): Promise<SegmentChange[]> {
      const rows = await db.all<{ sync_uuid: string; segment_uuid: string; record_id: string; kind: SegmentChange["kind"]; created_at: string }>(
        `SELECT * FROM segment_changes WHERE segment_uuid = ? ${filter.syncUuid ? "AND sync_uuid = ?" : ""} ORDER BY created_at DESC, record_id LIMIT ?`,
        filter.syncUuid ? [segmentUuid, filter.syncUuid, filter.limit] : [segmentUuid, filter.limit],
      );
      return rows.map((row) => ({ syncUuid: row.sync_uuid, segmentUuid: row.segment_uuid, recordId: row.record_id, kind: row.kind, createdAt: row.created_at }));
    },
  };
}
