import type { ExecutionStatus, RecordMetric, WorkflowRecordsQuery } from "@/lib/contract";
import type { Deps } from "../deps-types";

type RecordsDeps = Pick<Deps, "db">;

const scopeOf = (workspaceUuid: string, query: WorkflowRecordsQuery) => ({
  workspaceUuid,
  workflowUuid: query.workflowUuid,
  batchUuid: query.batchUuid,
  statuses: query.statuses,
});

/** `orchestration/records/list`: a page of the records enrolled, newest first, and how many in all. */
export async function listWorkflowRecords(deps: RecordsDeps, workspaceUuid: string, query: WorkflowRecordsQuery) {
  const scope = scopeOf(workspaceUuid, query);
  const [records, count] = await Promise.all([deps.db.workflowRecords.list(scope, query), deps.db.workflowRecords.count(scope)]);
  return { records, count };
}

export async function countWorkflowRecords(deps: RecordsDeps, workspaceUuid: string, query: WorkflowRecordsQuery) {
  return { count: await deps.db.workflowRecords.count(scopeOf(workspaceUuid, query)) };
}

const COUNTED: Partial<Record<ExecutionStatus, keyof RecordMetric>> = {
  pending: "pendingExecutionsCount",
  running: "runningExecutionsCount",
  success: "successExecutionsCount",
  error: "errorExecutionsCount",
  cancelled: "cancelledExecutionsCount",
};

/**
 * `orchestration/records/metrics`: per node, how many of the records' executions are in each
 * status (what the batch page draws on the canvas). Executions inside a group count once per item.
 */
export async function workflowRecordMetrics(deps: RecordsDeps, workspaceUuid: string, query: WorkflowRecordsQuery): Promise<RecordMetric[]> {
  const metrics = new Map<string, RecordMetric>();
  for await (const runs of deps.db.workflowRecords.executions(scopeOf(workspaceUuid, query))) {
    for (const executions of runs) {
      for (const execution of executions) {
        let metric = metrics.get(execution.nodeUuid);
        if (!metric) {
          metric = {
            nodeUuid: execution.nodeUuid,
            nodeSlug: execution.nodeSlug,
            totalExecutionsCount: 0,
            pendingExecutionsCount: 0,
            runningExecutionsCount: 0,
            successExecutionsCount: 0,
            errorExecutionsCount: 0,
            cancelledExecutionsCount: 0,
            creditsUsedCount: 0,
          };
          metrics.set(execution.nodeUuid, metric);
        }
        metric.totalExecutionsCount++;
        const key = COUNTED[execution.status];
        if (key) (metric[key] as number)++;
      }
    }
  }
  return [...metrics.values()];
}
