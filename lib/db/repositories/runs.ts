import type { Execution, Run, RunStatus, RunSummary, WorkflowNode } from "@/lib/contract";
import type { SqlClient, SqlExpression, SqlValue } from "../sql-client";

/**
 * A run with everything needed to resume it. Structurally the engine's `RunState`
 * (lib/engine/ports.ts), which this folder may not import.
 */
export interface StoredRunState {
  run: Run;
  /** Output of every finished node, by node uuid. */
  outputs: Record<string, unknown>;
  /** The config each node was called with, by node uuid. */
  computedConfigs: Record<string, unknown>;
  /** The node to execute next; null once the walk is over. */
  cursorNodeUuid: string | null;
}

export interface RunListFilter {
  workspaceUuid: string;
  workflowUuid?: string;
  batchUuid?: string;
  statuses?: readonly RunStatus[];
  limit: number;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  workflow_uuid: string | null;
  release_uuid: string | null;
  status: RunStatus;
  error_message: string | null;
  nodes_json: string;
  data_json: string;
  output_json: string | null;
  executions_json: string;
  outputs_json: string;
  computed_configs_json: string;
  cursor_node_uuid: string | null;
  batch_uuid: string | null;
  record_id: string | null;
  record_title: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

type SummaryRow = Pick<
  Row,
  "uuid" | "workflow_uuid" | "release_uuid" | "batch_uuid" | "record_id" | "record_title" | "status" | "error_message" | "created_at" | "updated_at" | "finished_at"
>;

const UNFINISHED: readonly RunStatus[] = ["pending", "running"];

function toState(row: Row): StoredRunState {
  return {
    run: {
      uuid: row.uuid,
      workspaceUuid: row.workspace_uuid,
      workflowUuid: row.workflow_uuid,
      releaseUuid: row.release_uuid,
      nodes: JSON.parse(row.nodes_json) as WorkflowNode[],
      data: JSON.parse(row.data_json) as Record<string, unknown>,
      batchUuid: row.batch_uuid,
      recordId: row.record_id,
      recordTitle: row.record_title,
      status: row.status,
      errorMessage: row.error_message,
      output: row.output_json === null ? null : (JSON.parse(row.output_json) as Record<string, unknown>),
      executions: JSON.parse(row.executions_json) as Execution[],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      finishedAt: row.finished_at,
    },
    outputs: JSON.parse(row.outputs_json) as Record<string, unknown>,
    computedConfigs: JSON.parse(row.computed_configs_json) as Record<string, unknown>,
    cursorNodeUuid: row.cursor_node_uuid,
  };
}

function toSummary(row: SummaryRow): RunSummary {
  return {
    uuid: row.uuid,
    workflowUuid: row.workflow_uuid,
    releaseUuid: row.release_uuid,
    batchUuid: row.batch_uuid,
    recordId: row.record_id,
    recordTitle: row.record_title,
    status: row.status,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** JSON of every mutable column; serializing everything before any SQL keeps a failed save from writing half. */
function serialize({ run, outputs, computedConfigs }: StoredRunState) {
  return {
    output: run.output === null ? null : JSON.stringify(run.output),
    executions: JSON.stringify(run.executions),
    outputs: JSON.stringify(outputs),
    computedConfigs: JSON.stringify(computedConfigs),
  };
}

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
    async create(state: StoredRunState, { lease, also }: RunWriteOptions & { lease?: { owner: string; expiresAt: Date } } = {}): Promise<void> {
      const { run } = state;
      const json = serialize(state);
      const params: SqlValue[] = [
        run.uuid,
        run.workspaceUuid,
        run.workflowUuid,
        run.status,
        run.errorMessage,
        JSON.stringify(run.nodes),
        JSON.stringify(run.data),
        json.output,
        json.executions,
        json.outputs,
        json.computedConfigs,
        state.cursorNodeUuid,
        run.createdAt,
        run.updatedAt,
        run.finishedAt,
        lease?.owner ?? null,
        lease?.expiresAt.toISOString() ?? null,
        run.batchUuid,
        run.recordId,
        run.recordTitle,
        run.releaseUuid,
      ];
      await db.run(
        ...writing(
          db,
          `INSERT INTO runs (uuid, workspace_uuid, workflow_uuid, status, error_message, nodes_json, data_json,
            output_json, executions_json, outputs_json, computed_configs_json, cursor_node_uuid,
            created_at, updated_at, finished_at, lease_owner, lease_expires_at, batch_uuid, record_id, record_title, release_uuid)
           VALUES (${placeholders(params.length)})`,
          params,
          also,
        ),
      );
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
      const { run } = state;
      const json = serialize(state);
      const fence = leaseOwner === undefined ? "" : " AND (lease_owner = ? OR (lease_owner IS NULL AND ? = 'cancelled'))";
      // A run that has ended is nobody's any more: its lease goes in the same statement.
      const ended = run.status === "success" || run.status === "error" || run.status === "cancelled";
      const { changes } = await db.run(
        ...writing(
          db,
          `UPDATE runs SET status = ?, error_message = ?, output_json = ?, executions_json = ?, outputs_json = ?,
            computed_configs_json = ?, cursor_node_uuid = ?, updated_at = ?, finished_at = ?${ended ? ", lease_owner = NULL, lease_expires_at = NULL" : ""}
           WHERE workspace_uuid = ? AND uuid = ? AND (status <> 'cancelled' OR ? = 'cancelled')${fence}`,
          [
            run.status,
            run.errorMessage,
            json.output,
            json.executions,
            json.outputs,
            json.computedConfigs,
            state.cursorNodeUuid,
            run.updatedAt,
            run.finishedAt,
            run.workspaceUuid,
            run.uuid,
            run.status,
            ...(leaseOwner === undefined ? [] : [leaseOwner, run.status]),
          ],
          also,
        ),
      );
      return changes > 0;
    },

    /** Runs that are `pending` or `running`, oldest first, in every workspace (to resume after a restart). */
    async listUnfinished(): Promise<Array<{ workspaceUuid: string; uuid: string }>> {
      const rows = await db.all<{ uuid: string; workspace_uuid: string }>(
        `SELECT uuid, workspace_uuid FROM runs WHERE status IN (${placeholders(UNFINISHED.length)}) ORDER BY created_at, uuid`,
        UNFINISHED,
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
