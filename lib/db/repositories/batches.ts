import type { Batch, BatchData, BatchStatus, RunStatus, WorkflowNode } from "@/lib/contract";
import type { SqlClient, SqlValue } from "../sql-client";
import type { BatchLeaseGrant } from "./batch-leases";

/** A batch as stored: its graph always (runs are created from it), the counts and webhook read apart. */
export interface StoredBatch
  extends Omit<Batch, "nodes" | "runsStatus" | "runsCount" | "executedRunsCount" | "failedRunsCount" | "creditsUsedCount" | "webhookUrl" | "webhook"> {
  nodes: WorkflowNode[];
}

/** A batch's current runs by status. */
export interface BatchRunCounts {
  runsCount: number;
  executedRunsCount: number;
  failedRunsCount: number;
}

/** A run of a batch as a download or a retry reads it. */
export interface BatchRunRow {
  uuid: string;
  recordId: string | null;
  recordTitle: string | null;
  status: RunStatus;
  errorMessage: string | null;
  data: Record<string, unknown>;
  output: Record<string, unknown> | null;
  outputs: Record<string, unknown>;
  createdAt: string;
}

/** See `transition`. */
export interface TransitionOptions {
  errorMessage?: string | null;
  lease?: BatchLeaseGrant;
  heldBy?: string;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  workflow_uuid: string | null;
  release_uuid: string | null;
  nodes_json: string;
  data_json: string;
  status: BatchStatus;
  error_message: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

const ENDED: readonly RunStatus[] = ["success", "error", "cancelled"];
const marks = (count: number) => Array.from({ length: count }, () => "?").join(", ");
/** A batch's current runs: one per record, the runs a retry replaced left out. */
const CURRENT = "batch_uuid = ? AND retried_at IS NULL";

function toBatch(row: Row): StoredBatch {
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    workflowUuid: row.workflow_uuid,
    releaseUuid: row.release_uuid,
    nodes: JSON.parse(row.nodes_json) as WorkflowNode[],
    data: JSON.parse(row.data_json) as BatchData,
    status: row.status,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Batches and the runs they created. A batch's own row holds what was asked and its status;
 * counts come from its runs (`runs.batch_uuid`, indexed with the status).
 */
export function batchRepository(db: SqlClient) {
  const get = async (workspaceUuid: string, uuid: string) => {
    const row = await db.get<Row>("SELECT * FROM batches WHERE workspace_uuid = ? AND uuid = ?", [workspaceUuid, uuid]);
    return row ? toBatch(row) : null;
  };
  return {
    get,

    /** Inserts the batch; a `pending` one comes with the lease of the process that creates its runs. */
    async create(batch: StoredBatch, lease?: BatchLeaseGrant): Promise<void> {
      await db.run(
        `INSERT INTO batches (uuid, workspace_uuid, workflow_uuid, nodes_json, data_json, status, error_message, created_at, updated_at, finished_at,
           lease_owner, lease_expires_at, lease_task, release_uuid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          batch.uuid,
          batch.workspaceUuid,
          batch.workflowUuid,
          JSON.stringify(batch.nodes),
          JSON.stringify(batch.data),
          batch.status,
          batch.errorMessage,
          batch.createdAt,
          batch.updatedAt,
          batch.finishedAt,
          lease?.holder ?? null,
          lease?.expiresAt.toISOString() ?? null,
          lease?.task ?? null,
          batch.releaseUuid,
        ],
      );
    },

    /** Newest first. */
    async list(workspaceUuid: string, filter: { workflowUuid?: string; statuses?: readonly BatchStatus[]; limit: number }): Promise<StoredBatch[]> {
      const where = ["workspace_uuid = ?"];
      const params: SqlValue[] = [workspaceUuid];
      if (filter.workflowUuid) {
        where.push("workflow_uuid = ?");
        params.push(filter.workflowUuid);
      }
      if (filter.statuses?.length) {
        where.push(`status IN (${marks(filter.statuses.length)})`);
        params.push(...filter.statuses);
      }
      const rows = await db.all<Row>(`SELECT * FROM batches WHERE ${where.join(" AND ")} ORDER BY created_at DESC, uuid DESC LIMIT ?`, [
        ...params,
        filter.limit,
      ]);
      return rows.map(toBatch);
    },

    /**
     * Moves a batch to `status` only from one of `from`; answers whether it did. `finished_at` is
     * stamped for a terminal status and cleared otherwise. `lease` is given to a batch made
     * `pending`; `heldBy` fences the move to the lease's holder (and frees the lease).
     */
    async transition(workspaceUuid: string, uuid: string, from: readonly BatchStatus[], status: BatchStatus, options: TransitionOptions = {}): Promise<boolean> {
      const { errorMessage = null, lease, heldBy } = options;
      const now = new Date().toISOString();
      const ends = status === "success" || status === "error" || status === "cancelled";
      const sets = ["status = ?", "error_message = ?", "updated_at = ?", "finished_at = ?"];
      const values: SqlValue[] = [status, errorMessage, now, ends ? now : null];
      if (status === "cancelled") {
        sets.push("cancelled_at = ?");
        values.push(now);
      }
      if (lease) {
        sets.push("lease_owner = ?", "lease_expires_at = ?", "lease_task = ?");
        values.push(lease.holder, lease.expiresAt.toISOString(), lease.task);
      } else if (heldBy) sets.push("lease_owner = NULL", "lease_expires_at = NULL");
      const { changes } = await db.run(
        `UPDATE batches SET ${sets.join(", ")} WHERE workspace_uuid = ? AND uuid = ? AND status IN (${marks(from.length)})${heldBy ? " AND lease_owner = ?" : ""}`,
        [...values, workspaceUuid, uuid, ...from, ...(heldBy ? [heldBy] : [])],
      );
      return changes > 0;
    },

    /** Adds to the count of runs created so far (it grows while the batch is `pending`). */
    async addRuns(uuid: string, count: number): Promise<void> {
      await db.run("UPDATE batches SET runs_count = runs_count + ?, updated_at = ? WHERE uuid = ?", [count, new Date().toISOString(), uuid]);
    },

    /**
     * A `running` batch whose current runs have all ended becomes `success`, finished when its
     * last run did: one statement, so two readers cannot both finish it.
     */
    async settle(workspaceUuid: string, uuids?: readonly string[]): Promise<void> {
      const only = uuids ? ` AND uuid IN (${marks(uuids.length)})` : "";
      if (uuids?.length === 0) return;
      await db.run(
        `UPDATE batches SET status = 'success',
           finished_at = (SELECT MAX(r.finished_at) FROM runs r WHERE r.batch_uuid = batches.uuid),
           updated_at = (SELECT MAX(r.finished_at) FROM runs r WHERE r.batch_uuid = batches.uuid)
         WHERE workspace_uuid = ? AND status = 'running'${only}
           AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.batch_uuid = batches.uuid AND r.retried_at IS NULL AND r.status IN ('pending', 'running'))`,
        [workspaceUuid, ...(uuids ?? [])],
      );
    },

    async counts(uuid: string): Promise<BatchRunCounts> {
      const rows = await db.all<{ status: RunStatus; count: number | string }>(
        `SELECT status, COUNT(*) AS count FROM runs WHERE ${CURRENT} GROUP BY status`,
        [uuid],
      );
      const of = (statuses: readonly RunStatus[]) => rows.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + Number(row.count), 0);
      return { runsCount: of(["pending", "running", ...ENDED]), executedRunsCount: of(ENDED), failedRunsCount: of(["error"]) };
    },

    /** How many current runs the batch has for each of `recordIds` (a resumed creation skips those it has). */
    async recordRunCounts(uuid: string, recordIds: readonly string[]): Promise<Map<string, number>> {
      if (recordIds.length === 0) return new Map();
      const rows = await db.all<{ record_id: string; count: number | string }>(
        `SELECT record_id, COUNT(*) AS count FROM runs WHERE ${CURRENT} AND record_id IN (${marks(recordIds.length)}) GROUP BY record_id`,
        [uuid, ...recordIds],
      );
      return new Map(rows.map((row) => [row.record_id, Number(row.count)]));
    },

    /**
     * Marks retried the failed runs that a newer current run of the same record already replaces:
     * what a retry whose process died left between creating a replacement and marking the run it
     * replaced. Answers how many.
     */
    async markReplaced(uuid: string): Promise<number> {
      const { changes } = await db.run(
        `UPDATE runs SET retried_at = ? WHERE ${CURRENT} AND status = 'error'
           AND EXISTS (SELECT 1 FROM runs newer WHERE newer.batch_uuid = runs.batch_uuid AND newer.retried_at IS NULL AND newer.record_id = runs.record_id
             AND (newer.created_at > runs.created_at OR (newer.created_at = runs.created_at AND newer.uuid > runs.uuid)))`,
        [new Date().toISOString(), uuid],
      );
      return changes;
    },

    /** Up to `limit` uuids of the batch's runs that have not ended. */
    async unfinishedRuns(uuid: string, limit: number): Promise<string[]> {
      const rows = await db.all<{ uuid: string }>(`SELECT uuid FROM runs WHERE batch_uuid = ? AND status IN ('pending', 'running') LIMIT ?`, [uuid, limit]);
      return rows.map((row) => row.uuid);
    },

    /**
     * The batch's current runs after `after` (created at, uuid), `limit` of them, in creation
     * order; with `status`, only those. Read page by page, a batch of any size fits in memory.
     */
    async runs(uuid: string, { after, limit, status }: { after?: { createdAt: string; uuid: string }; limit: number; status?: RunStatus }): Promise<BatchRunRow[]> {
      const rows = await db.all<{
        uuid: string;
        record_id: string | null;
        record_title: string | null;
        status: RunStatus;
        error_message: string | null;
        data_json: string;
        output_json: string | null;
        outputs_json: string;
        created_at: string;
      }>(
        `SELECT uuid, record_id, record_title, status, error_message, data_json, output_json, outputs_json, created_at FROM runs
         WHERE ${CURRENT}${status ? " AND status = ?" : ""}${after ? " AND (created_at > ? OR (created_at = ? AND uuid > ?))" : ""}
         ORDER BY created_at, uuid LIMIT ?`,
        [uuid, ...(status ? [status] : []), ...(after ? [after.createdAt, after.createdAt, after.uuid] : []), limit],
      );
      return rows.map((row) => ({
        uuid: row.uuid,
        recordId: row.record_id,
        recordTitle: row.record_title,
        status: row.status,
        errorMessage: row.error_message,
        data: JSON.parse(row.data_json) as Record<string, unknown>,
        output: row.output_json === null ? null : (JSON.parse(row.output_json) as Record<string, unknown>),
        outputs: JSON.parse(row.outputs_json) as Record<string, unknown>,
        createdAt: row.created_at,
      }));
    },

    /** Marks failed runs as replaced by a retry: they stay as history, out of the batch's counts. */
    async markRetried(runUuids: readonly string[]): Promise<void> {
      if (runUuids.length === 0) return;
      await db.run(`UPDATE runs SET retried_at = ? WHERE uuid IN (${marks(runUuids.length)})`, [new Date().toISOString(), ...runUuids]);
    },
  };
}

export type BatchRepository = ReturnType<typeof batchRepository>;
