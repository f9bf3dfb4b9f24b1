import type { SqlClient, SqlExpression } from "@/lib/db/sql-client";

/**
 * Work that any worker process may pick up. Runs today; model syncs, batches and play schedules
 * (the records and plays issues) add their names here and reuse the same queue, handlers and
 * leases. Payloads are small JSON (uuids), never secrets: the job tables are plain rows.
 */
export interface JobPayloads {
  "run.execute": { workspaceUuid: string; runUuid: string };
  /** A model sync (records): the sync row is the durable part, found by the sync sweep. */
  "model.sync": { workspaceUuid: string; syncUuid: string };
}
export type JobName = keyof JobPayloads;
export type JobHandlers = { [Name in JobName]: (payload: JobPayloads[Name]) => Promise<void> };

export interface JobQueue {
  readonly kind: "graphile-worker" | "in-process";
  /**
   * Adds a job inside the caller's transaction (`tx`), so the job exists exactly when the rows it
   * is about do: a rolled-back run leaves no job, and a committed one always has its job.
   */
  add<Name extends JobName>(tx: SqlClient, name: Name, payload: JobPayloads[Name]): Promise<void>;
  /**
   * `add` as an SQL expression, for a caller that writes its rows in one statement and adds the
   * job in that same statement (`SqlExpression`); null when the queue keeps its jobs outside the
   * database (in-process), and the caller then calls `add` after its write.
   */
  addExpression<Name extends JobName>(name: Name, payload: JobPayloads[Name]): SqlExpression | null;
  /** Starts taking jobs in this process (the worker role). */
  start(handlers: JobHandlers): Promise<void>;
  /** Stops taking new jobs and waits for the running handlers. */
  stop(): Promise<void>;
}
