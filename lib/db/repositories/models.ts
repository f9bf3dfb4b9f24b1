import { randomUUID } from "node:crypto";
import type { Dataset, ExtractorSource, ModelColumn } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

interface ModelRow {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  dataset_uuid: string | null;
  name: string;
  extractor_json: string | null;
  file_uuid: string | null;
  columns_json: string;
  id_column_slug: string;
  title_column_slug: string;
  time_column_slug: string | null;
  sync_cursor_json: string | null;
  is_sync_scheduled: number | boolean;
  records_count: number | string;
  created_at: string;
  updated_at: string;
}

/** A model as stored; the feature adds its last sync to make the API's `Model`. */
export interface StoredModel {
  uuid: string;
  workspaceUuid: string;
  datasetUuid: string | null;
  name: string;
  extractor: ExtractorSource | null;
  fileUuid: string | null;
  columns: ModelColumn[];
  idColumnSlug: string;
  titleColumnSlug: string;
  timeColumnSlug: string | null;
  /** Where the next sync starts: `undefined` from scratch. */
  syncCursor: { meta: unknown } | null;
  isSyncScheduled: boolean;
  recordsCount: number;
  createdAt: string;
  updatedAt: string;
}

export type NewModel = Pick<StoredModel, "name" | "datasetUuid" | "extractor" | "fileUuid" | "columns" | "idColumnSlug" | "titleColumnSlug" | "timeColumnSlug" | "isSyncScheduled">;
export type ModelChanges = Partial<Pick<StoredModel, "name" | "datasetUuid" | "extractor" | "isSyncScheduled">>;

const SELECT_MODEL = `SELECT m.*, (SELECT COUNT(*) FROM model_records r WHERE r.model_uuid = m.uuid) AS records_count FROM models m`;

function toModel(row: ModelRow): StoredModel {
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    datasetUuid: row.dataset_uuid,
    name: row.name,
    extractor: row.extractor_json ? (JSON.parse(row.extractor_json) as ExtractorSource) : null,
    fileUuid: row.file_uuid,
    columns: JSON.parse(row.columns_json) as ModelColumn[],
    idColumnSlug: row.id_column_slug,
    titleColumnSlug: row.title_column_slug,
    timeColumnSlug: row.time_column_slug,
    syncCursor: row.sync_cursor_json ? (JSON.parse(row.sync_cursor_json) as { meta: unknown }) : null,
    isSyncScheduled: Boolean(row.is_sync_scheduled),
    recordsCount: Number(row.records_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Datasets and models of one workspace at a time. */
export function modelRepository(db: SqlClient) {
  const get = async (workspaceUuid: string, uuid: string): Promise<StoredModel | null> => {
    const row = await db.get<ModelRow>(`${SELECT_MODEL} WHERE m.workspace_uuid = ? AND m.uuid = ?`, [workspaceUuid, uuid]);
    return row ? toModel(row) : null;
  };
  return {
    get,

    async list(workspaceUuid: string, filter: { datasetUuid?: string } = {}): Promise<StoredModel[]> {
      const rows = await db.all<ModelRow>(
        `${SELECT_MODEL} WHERE m.workspace_uuid = ? ${filter.datasetUuid ? "AND m.dataset_uuid = ?" : ""} ORDER BY m.created_at DESC, m.uuid`,
        filter.datasetUuid ? [workspaceUuid, filter.datasetUuid] : [workspaceUuid],
      );
      return rows.map(toModel);
    },

    async create(workspaceUuid: string, input: NewModel): Promise<StoredModel> {
      const uuid = randomUUID();
      const now = new Date().toISOString();
      await db.run(
        `INSERT INTO models (uuid, workspace_uuid, dataset_uuid, name, extractor_json, file_uuid, columns_json, id_column_slug,
           title_column_slug, time_column_slug, is_sync_scheduled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          uuid,
          workspaceUuid,
          input.datasetUuid,
          input.name,
          input.extractor ? JSON.stringify(input.extractor) : null,
          input.fileUuid,
          JSON.stringify(input.columns),
          input.idColumnSlug,
          input.titleColumnSlug,
          input.timeColumnSlug,
          input.isSyncScheduled ? 1 : 0,
          now,
          now,
        ],
      );
      return (await get(workspaceUuid, uuid))!;
    },

    /** A changed extractor config also drops the cursor: the next sync starts from scratch. */
    async update(workspaceUuid: string, uuid: string, changes: ModelChanges): Promise<StoredModel | null> {
      const current = await get(workspaceUuid, uuid);
      if (!current) return null;
      // Only the keys given: a key present as undefined would otherwise overwrite the stored value.
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as ModelChanges;
      const next = { ...current, ...given };
      const dropCursor = given.extractor !== undefined;
      await db.run(
        `UPDATE models SET name = ?, dataset_uuid = ?, extractor_json = ?, is_sync_scheduled = ?, updated_at = ?
           ${dropCursor ? ", sync_cursor_json = NULL" : ""}
         WHERE workspace_uuid = ? AND uuid = ?`,
        [next.name, next.datasetUuid, next.extractor ? JSON.stringify(next.extractor) : null, next.isSyncScheduled ? 1 : 0, new Date().toISOString(), workspaceUuid, uuid],
      );
      return get(workspaceUuid, uuid);
    },

    /** Columns as the extractor declared them on its latest page. */
    async setColumns(uuid: string, columns: { columns: ModelColumn[]; idColumnSlug: string; titleColumnSlug: string; timeColumnSlug: string | null }) {
      await db.run(`UPDATE models SET columns_json = ?, id_column_slug = ?, title_column_slug = ?, time_column_slug = ?, updated_at = ? WHERE uuid = ?`, [
        JSON.stringify(columns.columns),
        columns.idColumnSlug,
        columns.titleColumnSlug,
        columns.timeColumnSlug,
        new Date().toISOString(),
        uuid,
      ]);
    },

    async setSyncCursor(uuid: string, cursor: { meta: unknown } | null): Promise<void> {
      await db.run(`UPDATE models SET sync_cursor_json = ? WHERE uuid = ?`, [cursor ? JSON.stringify(cursor) : null, uuid]);
    },

    async remove(workspaceUuid: string, uuid: string): Promise<boolean> {
      const { changes } = await db.run(`DELETE FROM models WHERE workspace_uuid = ? AND uuid = ?`, [workspaceUuid, uuid]);
      return changes > 0;
    },

    /** Models whose extractor is synced on a schedule, every workspace (the worker's sweep). */
    async listScheduled(): Promise<StoredModel[]> {
      const rows = await db.all<ModelRow>(`${SELECT_MODEL} WHERE m.is_sync_scheduled = 1 AND m.extractor_json IS NOT NULL`);
      return rows.map(toModel);
    },
  };
}

/** Datasets: folders of models. */
export function datasetRepository(db: SqlClient) {
  return {
    async list(workspaceUuid: string): Promise<Dataset[]> {
      const rows = await db.all<{ uuid: string; name: string; created_at: string; models_count: number | string }>(
        `SELECT d.uuid, d.name, d.created_at, (SELECT COUNT(*) FROM models m WHERE m.dataset_uuid = d.uuid) AS models_count
         FROM datasets d WHERE d.workspace_uuid = ? ORDER BY d.name, d.uuid`,
        [workspaceUuid],
      );
      return rows.map((row) => ({ uuid: row.uuid, name: row.name, modelsCount: Number(row.models_count), createdAt: row.created_at }));
    },
    async exists(workspaceUuid: string, uuid: string): Promise<boolean> {
      return Boolean(await db.get(`SELECT 1 AS found FROM datasets WHERE workspace_uuid = ? AND uuid = ?`, [workspaceUuid, uuid]));
    },
    async create(workspaceUuid: string, name: string): Promise<Dataset> {
      const dataset = { uuid: randomUUID(), name, modelsCount: 0, createdAt: new Date().toISOString() };
      await db.run(`INSERT INTO datasets (uuid, workspace_uuid, name, created_at) VALUES (?, ?, ?, ?)`, [dataset.uuid, workspaceUuid, name, dataset.createdAt]);
      return dataset;
    },
  };
}
