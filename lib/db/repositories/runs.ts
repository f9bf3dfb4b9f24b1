import type { RunStatus, RunSummary } from "@/lib/contract";
import type { SqlClient, SqlExpression, SqlValue } from "../sql-client";
import {
  INSERT_COLUMNS,
  INSERT_SQL,
  insertRow,
  SAVE_COLUMNS,
  SAVE_SET,
  saveRow,
  toState,
  toSummary,
  type Row,
  type RunLease,
  type StoredRunState,
  type SummaryRow,
} from "./run-rows";

import { runBatchWrites } from "./run-batch-writes";

export type { RunLease, StoredRunState } from "./run-rows";

export interface RunListFilter {
  workspaceUuid: string;
  workflowUuid?: string;
  batchUuid?: string;
  statuses?: readonly RunStatus[];
  limit: number;
}

const UNFINISHED: readonly RunStatus[] = ["pending", "running"];

const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/**
 * An INSERT or UPDATE of one run, with `also` evaluated once for the row written, in the same
 * statement (Postgres only: SQLite has no data-modifying CTE). Its row count stays the run's.
 */
function writing(db: SqlClient, sql: string, params: readonly SqlValue[], also: SqlExpression | undefined): [string, SqlValue[]] {
  if (!also) return [sql, [...params]];
  if (db.dialect !== "postgres") throw new Error("An expression beside a run's write needs Postgres (SQLite has no data-modifying CTE)");
  return [`WITH written AS (${sql} RETURNING uuid) SELECT ${also.sql} FROM written`, [...params, ...also.params]];
}

export interface RunWriteOptions {
  /** Evaluated in the same statement as the write, for the run written (a job added or removed with it). */
  also?: SqlExpression;
}

/**
 * Durable run states (the engine's `RunStore` port). Every write is one statement, so a crash
 * leaves either the previous state or the new one, whole.
 */
export function runRepository(db: SqlClient) {
  return {
    /**
     * Inserts a new run; throws when the uuid exists. With `lease` the run is inserted already
     * held by that process (it executes the run itself at once), so no claim has to follow.
     */
    async create(state: StoredRunState, { lease, also }: RunWriteOptions & { lease?: RunLease } = {}): Promise<void> {
      const row = insertRow(state, lease);
      await db.run(...writing(db, INSERT_SQL, INSERT_COLUMNS.map((column) => row[column]), also));
    },

    async load(workspaceUuid: string, uuid: string): Promise<StoredRunState | null> {
      const row = await db.get<Row>("SELECT * FROM runs WHERE workspace_uuid = ? AND uuid = ?", [workspaceUuid, uuid]);
      return row ? toState(row) : null;
    },

    /**
     * Overwrites the run's whole mutable state in one UPDATE. Resolves `false`, writing nothing,
     * when the run is missing or was cancelled meanwhile and `state` is not itself cancelled: the
     * engine must then stop, since a cancel from the API wins over an in-flight step.
     * The graph, input, workflow and creation time never change after `create`.
     * With `leaseOwner` it is also refused unless that process holds the run's lease (a cancelled
     * state may be written to a run nobody holds): a process that lost its lease, stalled past
     * the expiry say, can no longer write over the process that took the run over.
     */
    async save(state: StoredRunState, { leaseOwner, also }: RunWriteOptions & { leaseOwner?: string } = {}): Promise<boolean> {
      const row = saveRow(state);
      const fence = leaseOwner === undefined ? "" : " AND (lease_owner = ? OR (lease_owner IS NULL AND ? = 'cancelled'))";
      // A run that has ended is nobody's any more: its lease goes in the same statement.
      const ended = row.status === "success" || row.status === "error" || row.status === "cancelled";
      const { changes } = await db.run(
        ...writing(
          db,
          `UPDATE runs SET ${SAVE_SET}${ended ? ", lease_owner = NULL, lease_expires_at = NULL" : ""}
           WHERE workspace_uuid = ? AND uuid = ? AND (status <> 'cancelled' OR ? = 'cancelled')${fence}`,
          [
            ...SAVE_COLUMNS.map((column) => row[column]),
            row.workspace_uuid,
            row.uuid,
            row.status,
            ...(leaseOwner === undefined ? [] : [leaseOwner, row.status]),
          ],
          also,
        ),
      );
      return changes > 0;
    },

    ...runBatchWrites(db, runRepository),

    /** Runs that are `pending` or `running`, oldest first, in every workspace (to resume after a restart). */
    async listUnfinished(): Promise<Array<{ workspaceUuid: string; uuid: string }>> {
      const rows = await db.all<{ uuid: string; workspace_uuid: string }>(
        // Written out, as the partial index's condition is, so that SQLite and Postgres use it.
        `SELECT uuid, workspace_uuid FROM runs WHERE status IN ('pending', 'running') ORDER BY created_at, uuid`,
      );
      return rows.map((row) => ({ workspaceUuid: row.workspace_uuid, uuid: row.uuid }));
    },

    /** Marks runs cancelled unless already finished; returns the uuids it changed. Open executions are left to the engine. */
    async cancel(workspaceUuid: string, uuids: string[], at: string): Promise<string[]> {
      if (uuids.length === 0) return [];
      const rows = await db.all<{ uuid: string }>(
        `UPDATE runs SET status = 'cancelled', error_message = 'Cancelled', finished_at = ?, updated_at = ?
         WHERE workspace_uuid = ? AND uuid IN (${placeholders(uuids.length)}) AND status IN (${placeholders(UNFINISHED.length)})
         RETURNING uuid`,
        [at, at, workspaceUuid, ...uuids, ...UNFINISHED],
      );
      return rows.map((row) => row.uuid);
    },

    /** Summaries, newest first. */
    async list({ workspaceUuid, workflowUuid, batchUuid, statuses, limit }: RunListFilter): Promise<RunSummary[]> {
      const where = ["workspace_uuid = ?"];
      const params: SqlValue[] = [workspaceUuid];
      if (workflowUuid !== undefined) {
        where.push("workflow_uuid = ?");
        params.push(workflowUuid);
      }
      if (batchUuid !== undefined) {
        where.push("batch_uuid = ?");
        params.push(batchUuid);
      }
      if (statuses && statuses.length > 0) {
        where.push(`status IN (${placeholders(statuses.length)})`);
        params.push(...statuses);
      }
      const rows = await db.all<SummaryRow>(
        `SELECT uuid, workflow_uuid, release_uuid, batch_uuid, record_id, record_title, status, error_message, created_at, updated_at, finished_at FROM runs
         WHERE ${where.join(" AND ")} ORDER BY created_at DESC, uuid DESC LIMIT ?`,
        [...params, limit],
      );
      return rows.map(toSummary);
    },
  };
}

export type RunRepository = ReturnType<typeof runRepository>;
