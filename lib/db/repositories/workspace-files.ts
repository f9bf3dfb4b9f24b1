import type { FileRowError, ModelColumn, WorkspaceFile } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

/** An uploaded file and the name its bytes are stored under in the data folder's `files/`. */
export interface StoredWorkspaceFile extends WorkspaceFile {
  storedName: string;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  name: string;
  size: number | string;
  rows_count: number | string;
  columns_json: string;
  row_errors_json: string;
  stored_name: string;
  created_at: string;
}

/** `row_errors_json` holds the first errors and how many there were in all. */
interface RowErrors {
  rowErrors: FileRowError[];
  rowErrorsCount: number;
}

function toStoredWorkspaceFile(row: Row): StoredWorkspaceFile {
  const { rowErrors, rowErrorsCount } = JSON.parse(row.row_errors_json) as RowErrors;
  return {
    uuid: row.uuid,
    name: row.name,
    size: Number(row.size),
    rowsCount: Number(row.rows_count),
    columns: JSON.parse(row.columns_json) as ModelColumn[],
    rowErrors,
    rowErrorsCount,
    createdAt: row.created_at,
    storedName: row.stored_name,
  };
}

/** CSV files uploaded to a workspace (their rows stay in the file; this is what was found in it). */
export function workspaceFileRepository(db: SqlClient) {
  return {
    async create(workspaceUuid: string, file: StoredWorkspaceFile): Promise<void> {
      const rowErrors: RowErrors = { rowErrors: file.rowErrors, rowErrorsCount: file.rowErrorsCount };
      await db.run(
        `INSERT INTO workspace_files (uuid, workspace_uuid, name, size, rows_count, columns_json, row_errors_json, stored_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [file.uuid, workspaceUuid, file.name, file.size, file.rowsCount, JSON.stringify(file.columns), JSON.stringify(rowErrors), file.storedName, file.createdAt],
      );
    },

    async get(workspaceUuid: string, uuid: string): Promise<StoredWorkspaceFile | null> {
      const row = await db.get<Row>("SELECT * FROM workspace_files WHERE workspace_uuid = ? AND uuid = ?", [workspaceUuid, uuid]);
      return row ? toStoredWorkspaceFile(row) : null;
    },
  };
}

export type WorkspaceFileRepository = ReturnType<typeof workspaceFileRepository>;
