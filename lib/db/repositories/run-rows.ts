import type { Execution, Run, RunStatus, RunSummary, WorkflowNode } from "@/lib/contract";
import { graphText } from "../shared-graphs";
import type { SqlValue } from "../sql-client";

/*
 * A run's row: its columns, how a state becomes the values `create` and `save` write (and the
 * statements that write them), and how a row becomes a state again. `runs.ts` is the repository.
 */

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


export interface Row {
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

export type SummaryRow = Pick<
  Row,
  "uuid" | "workflow_uuid" | "release_uuid" | "batch_uuid" | "record_id" | "record_title" | "status" | "error_message" | "created_at" | "updated_at" | "finished_at"
>;


export function toState(row: Row): StoredRunState {
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

export function toSummary(row: SummaryRow): RunSummary {
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

/** A process's hold on a run it inserts to execute itself at once. */
export interface RunLease {
  owner: string;
  expiresAt: Date;
}

/** What `save` writes, the columns that change as a run goes on. */
export const SAVE_COLUMNS = [
  "status",
  "error_message",
  "output_json",
  "executions_json",
  "outputs_json",
  "computed_configs_json",
  "cursor_node_uuid",
  "updated_at",
  "finished_at",
] as const;

/** What `create` writes: the graph, input and origin besides what `save` writes, and the lease. */
export const INSERT_COLUMNS = [
  "uuid",
  "workspace_uuid",
  "workflow_uuid",
  "nodes_json",
  "data_json",
  ...SAVE_COLUMNS,
  "created_at",
  "lease_owner",
  "lease_expires_at",
  "batch_uuid",
  "record_id",
  "record_title",
  "release_uuid",
] as const;

export type SaveRow = Record<(typeof SAVE_COLUMNS)[number] | "workspace_uuid" | "uuid", SqlValue>;
export type InsertRow = Record<(typeof INSERT_COLUMNS)[number], SqlValue>;

/** The mutable columns, JSON serialized before any SQL, so a state that cannot be serialized writes nothing. */
export function saveRow({ run, outputs, computedConfigs, cursorNodeUuid }: StoredRunState): SaveRow {
  return {
    workspace_uuid: run.workspaceUuid,
    uuid: run.uuid,
    status: run.status,
    error_message: run.errorMessage,
    output_json: run.output === null ? null : JSON.stringify(run.output),
    executions_json: JSON.stringify(run.executions),
    outputs_json: JSON.stringify(outputs),
    computed_configs_json: JSON.stringify(computedConfigs),
    cursor_node_uuid: cursorNodeUuid,
    updated_at: run.updatedAt,
    finished_at: run.finishedAt,
  };
}

export function insertRow(state: StoredRunState, lease: RunLease | undefined): InsertRow {
  const { run } = state;
  return {
    ...saveRow(state),
    workflow_uuid: run.workflowUuid,
    nodes_json: graphText(run.nodes),
    data_json: JSON.stringify(run.data),
    created_at: run.createdAt,
    lease_owner: lease?.owner ?? null,
    lease_expires_at: lease?.expiresAt.toISOString() ?? null,
    batch_uuid: run.batchUuid,
    record_id: run.recordId,
    record_title: run.recordTitle,
    release_uuid: run.releaseUuid,
  };
}

export const SAVE_SET = SAVE_COLUMNS.map((column) => `${column} = ?`).join(", ");

export const INSERT_SQL = `INSERT INTO runs (${INSERT_COLUMNS.join(", ")}) VALUES (${INSERT_COLUMNS.map(() => "?").join(", ")})`;
