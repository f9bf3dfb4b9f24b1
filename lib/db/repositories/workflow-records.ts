import type { Execution, RunStatus, WorkflowRecord } from "@/lib/contract";
import type { SqlClient, SqlValue } from "../sql-client";

/** Which enrollments: a workflow's, a batch's, or both; some statuses only. */
export interface WorkflowRecordScope {
  workspaceUuid: string;
  workflowUuid?: string;
  batchUuid?: string;
  statuses?: readonly RunStatus[];
}

interface RecordRow {
  [column: string]: unknown;
  uuid: string;
  workflow_uuid: string | null;
  release_uuid: string | null;
  batch_uuid: string;
  record_id: string;
  record_title: string | null;
  status: RunStatus;
  error_message: string | null;
  created_at: string;
  updated_at: string;
}

/** Runs made for records (a batch's), current ones only: a run a retry replaced is history. */
function where(scope: WorkflowRecordScope): { sql: string; params: SqlValue[] } {
  const clauses = ["workspace_uuid = ?", "batch_uuid IS NOT NULL", "retried_at IS NULL"];
  const params: SqlValue[] = [scope.workspaceUuid];
  if (scope.workflowUuid) {
    clauses.push("workflow_uuid = ?");
    params.push(scope.workflowUuid);
  }
  if (scope.batchUuid) {
    clauses.push("batch_uuid = ?");
    params.push(scope.batchUuid);
  }
  if (scope.statuses?.length) {
    clauses.push(`status IN (${scope.statuses.map(() => "?").join(", ")})`);
    params.push(...scope.statuses);
  }
  return { sql: clauses.join(" AND "), params };
}

/** Records enrolled in workflows, as Cargo's `orchestration/records` reads them: rows of `runs`. */
export function workflowRecordRepository(db: SqlClient) {
  return {
    async list(scope: WorkflowRecordScope, page: { limit: number; offset: number }): Promise<WorkflowRecord[]> {
      const filter = where(scope);
      const rows = await db.all<RecordRow>(
        `SELECT uuid, workflow_uuid, release_uuid, batch_uuid, record_id, record_title, status, error_message, created_at, updated_at FROM runs
         WHERE ${filter.sql} ORDER BY created_at DESC, uuid DESC LIMIT ? OFFSET ?`,
        [...filter.params, page.limit, page.offset],
      );
      return rows.map((row) => ({
        id: row.record_id,
        title: row.record_title ?? row.record_id,
        workflowUuid: row.workflow_uuid,
        runUuid: row.uuid,
        releaseUuid: row.release_uuid,
        batchUuid: row.batch_uuid,
        status: row.status,
        errorMessage: row.error_message,
        isGroupParent: false,
        parentRunUuid: null,
        parentNodeUuid: null,
        parentBatchUuid: null,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }));
    },

    async count(scope: WorkflowRecordScope): Promise<number> {
      const filter = where(scope);
      const row = await db.get<{ count: number | string }>(`SELECT COUNT(*) AS count FROM runs WHERE ${filter.sql}`, filter.params);
      return Number(row?.count ?? 0);
    },

    /** The executions of the runs in scope, `size` runs at a time (never all in memory). */
    async *executions(scope: WorkflowRecordScope, size = 500): AsyncGenerator<Execution[][]> {
      const filter = where(scope);
      // Keyset on (created_at, uuid), the order of the batch and workflow indexes on runs.
      let after = { createdAt: "", uuid: "" };
      for (;;) {
        const rows = await db.all<{ uuid: string; created_at: string; executions_json: string }>(
          `SELECT uuid, created_at, executions_json FROM runs WHERE ${filter.sql} AND (created_at > ? OR (created_at = ? AND uuid > ?))
           ORDER BY created_at, uuid LIMIT ?`,
          [...filter.params, after.createdAt, after.createdAt, after.uuid, size],
        );
        if (rows.length === 0) return;
        yield rows.map((row) => JSON.parse(row.executions_json) as Execution[]);
        const last = rows.at(-1)!;
        after = { createdAt: last.created_at, uuid: last.uuid };
      }
    },
  };
}
