"use client";

import type { GetRunResponseBody, WorkflowNode } from "@/lib/contract";
import { ExecutionFacts } from "./execution-facts";
import { JsonBlock } from "./json-block";
import { RunStatusBadge } from "./run-status-badge";

/**
 * What one node did in the shown run: status, title, error, duration and calls, then the config it
 * was called with and what it returned. The last execution counts when a node ran more than once.
 */
export function NodeResult({ detail, node }: { detail: GetRunResponseBody; node: WorkflowNode }) {
  const execution = detail.run.executions.findLast((candidate) => candidate.nodeUuid === node.uuid);
  const title = node.name || node.slug;
  return (
    <section aria-label="Node result" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h3 className="min-w-0 truncate text-sm font-semibold">
          {title} <code className="ml-1 rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs font-normal">{node.slug}</code>
        </h3>
        {execution && <RunStatusBadge status={execution.status} />}
      </div>
      {!execution ? (
        <p className="text-sm text-fg-muted">This node did not run in the shown run.</p>
      ) : (
        <>
          {execution.errorMessage && (
            <p role="alert" className="rounded-md border border-danger/30 bg-danger/5 p-2.5 text-sm text-danger">
              {execution.errorMessage}
            </p>
          )}
          <ExecutionFacts execution={execution} />
          <JsonBlock label="Computed config" name={`Computed config of ${node.slug}`} value={detail.runComputedConfigs[node.slug]} />
          <JsonBlock label="Output" name={`Output of ${node.slug}`} value={detail.runContext[node.slug]} />
        </>
      )}
    </section>
  );
}
