import type { Filter, ModelColumn, RecordSort } from "@/lib/contract";
import { compileFilter, compileSort } from "../records/filter-sql";
import type { SqlClient, SqlValue } from "../sql-client";

/** What a model's rows are read by: its columns (for filters and sorts). */
export interface RecordModel {
  uuid: string;
  columns: readonly ModelColumn[];
}

/** One record to write: its id, its title and every field. */
export interface RecordWrite {
  id: string;
  title: string;
  data: Record<string, unknown>;
}

/** Placeholders and values are sent in chunks below every driver's parameter limit. */
const CHUNK = 400;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A UTF-16 surrogate without its other half: JSON.stringify writes it as an escape jsonb refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The value with every string and key made storable on Postgres: U+0000 taken out (text cannot
 * hold it, jsonb refuses the `\u0000` escape) and a lone surrogate (a string cut mid-emoji)
 * replaced by U+FFFD, which jsonb also refuses. One such character would otherwise fail the
 * record's write (its `data_jsonb` is generated from it) and so the whole sync page.
 */
export function postgresSafe<T>(value: T): T {
  if (typeof value === "string") {
    const text = value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
    return text.replace(LONE_SURROGATE, "\uFFFD") as T;
  }
  if (Array.isArray(value)) return value.map(postgresSafe) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [postgresSafe(key), postgresSafe(item)])) as T;
  }
  return value;
}

const marks = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/**
 * A model's records. Rows are JSON keyed by column slug; filters and sorts compile to SQL with
 * parameters only (`lib/db/records/filter-sql.ts`), so nothing a user types becomes SQL text.
 */
export function modelRecordRepository(db: SqlClient) {
  return {
    /** The stored rows of these ids (JSON text, as compared to tell an update from a no-op). */
    async getMany(modelUuid: string, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
      const found = new Map<string, Record<string, unknown>>();
      for (const part of chunks(ids)) {
        const rows = await db.all<{ record_id: string; data_json: string }>(
          `SELECT record_id, data_json FROM model_records WHERE model_uuid = ? AND record_id IN (${marks(part.length)})`,
          [modelUuid, ...part],
        );
        for (const row of rows) found.set(row.record_id, JSON.parse(row.data_json) as Record<string, unknown>);
      }
      return found;
    },

    /** Inserts or replaces each record by id. */
    async put(modelUuid: string, records: readonly RecordWrite[], now = new Date().toISOString()): Promise<void> {
      for (const part of chunks(records, 100)) {
        const params: SqlValue[] = [];
        for (const record of part) params.push(modelUuid, record.id, postgresSafe(record.title), JSON.stringify(postgresSafe(record.data)), now, now);
        await db.run(
          `INSERT INTO model_records (model_uuid, record_id, title, data_json, created_at, updated_at)
           VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}
           ON CONFLICT (model_uuid, record_id) DO UPDATE SET title = excluded.title, data_json = excluded.data_json, updated_at = excluded.updated_at`,
          params,
        );
      }
    },

    /** Deletes by id; answers how many existed. */
    async remove(modelUuid: string, ids: readonly string[]): Promise<number> {
      let removed = 0;
      for (const part of chunks(ids)) {
        const { changes } = await db.run(`DELETE FROM model_records WHERE model_uuid = ? AND record_id IN (${marks(part.length)})`, [modelUuid, ...part]);
        removed += changes;
      }
      return removed;
    },

    /** A page of records matching `filter`, in `sort` order, and how many match in all. */
    async fetch(model: RecordModel, query: { filter: Filter; sort: RecordSort; limit: number; offset: number }, now = new Date()) {
      const where = compileFilter(query.filter, model.columns, db.dialect, now);
      const order = compileSort(query.sort, model.columns, db.dialect);
      const rows = query.limit === 0
        ? []
        : await db.all<{ data_json: string }>(
            `SELECT r.data_json FROM model_records r WHERE r.model_uuid = ? AND (${where.sql}) ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
            [model.uuid, ...where.params, ...order.params, query.limit, query.offset],
          );
      const counted = await db.get<{ count: number | string }>(
        `SELECT COUNT(*) AS count FROM model_records r WHERE r.model_uuid = ? AND (${where.sql})`,
        [model.uuid, ...where.params],
      );
      return { records: rows.map((row) => JSON.parse(row.data_json) as Record<string, unknown>), count: Number(counted?.count ?? 0) };
    },

    /**
     * The ids of every record matching `filter`, in `sort` order, at most `limit`: one query, so a
     * batch over a segment reads the filter once and then its records by id, never by offset.
     */
    async matchingIds(model: RecordModel, query: { filter: Filter; sort: RecordSort; limit?: number }, now = new Date()): Promise<string[]> {
      const where = compileFilter(query.filter, model.columns, db.dialect, now);
      const order = compileSort(query.sort, model.columns, db.dialect);
      const limited = query.limit !== undefined && Number.isFinite(query.limit);
      const rows = await db.all<{ record_id: string }>(
        `SELECT r.record_id FROM model_records r WHERE r.model_uuid = ? AND (${where.sql}) ORDER BY ${order.sql}${limited ? " LIMIT ?" : ""}`,
        [model.uuid, ...where.params, ...order.params, ...(limited ? [query.limit!] : [])],
      );
      return rows.map((row) => row.record_id);
    },

    /** Which of these ids match `filter` (a segment's membership of the records a sync touched). */
    async matching(model: RecordModel, filter: Filter, ids: readonly string[], now = new Date()): Promise<Set<string>> {
      const where = compileFilter(filter, model.columns, db.dialect, now);
      const found = new Set<string>();
      for (const part of chunks(ids)) {
        const rows = await db.all<{ record_id: string }>(
          `SELECT r.record_id FROM model_records r WHERE r.model_uuid = ? AND r.record_id IN (${marks(part.length)}) AND (${where.sql})`,
          [model.uuid, ...part, ...where.params],
        );
        for (const row of rows) found.add(row.record_id);
      }
      return found;
    },

    /** Every record of the model in id order, `size` at a time (batches over a whole model). */
    async *scan(modelUuid: string, size = 500): AsyncGenerator<Array<{ id: string; title: string; data: Record<string, unknown> }>> {
      let after = "";
      for (;;) {
        const rows = await db.all<{ record_id: string; title: string; data_json: string }>(
          `SELECT record_id, title, data_json FROM model_records WHERE model_uuid = ? AND record_id > ? ORDER BY record_id LIMIT ?`,
          [modelUuid, after, size],
        );
        if (rows.length === 0) return;
        yield rows.map((row) => ({ id: row.record_id, title: row.title, data: JSON.parse(row.data_json) as Record<string, unknown> }));
        after = rows.at(-1)!.record_id;
      }
    },
  };
}
