"use client";

import { ChevronRight } from "lucide-react";
import type { GetRunResponseBody, WorkflowNode } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { actionLabel, ExecutionDuration } from "./execution-facts";
import { JsonBlock } from "./json-block";
import { RunStatusIcon } from "./run-status-badge";

/**
 * A run's executions in the order they ran, each expandable to the config the node was called
 * with and what it returned.
 */
export function ExecutionTimeline({ detail }: { detail: GetRunResponseBody }) {
  const { run, runContext, runComputedConfigs } = detail;
  const nodes = new Map<string, WorkflowNode>(run.nodes.map((node) => [node.uuid, node]));
  if (run.executions.length === 0) {
    return <p className="rounded-lg border border-dashed border-border bg-surface p-6 text-center text-sm text-fg-muted">No node has run yet.</p>;
  }
  return (
    <ol aria-label="Executions" className="relative">
      {run.executions.map((execution, index) => {
        const node = nodes.get(execution.nodeUuid);
        const last = index === run.executions.length - 1;
        const action = actionLabel(node, execution);
        // A node inside a group ran once per item; its own config and output are not kept by slug.
        const inGroup = execution.groupNodeUuid !== undefined;
        return (
          <li key={`${execution.nodeUuid}-${index}`} aria-label={execution.nodeSlug} className={cn("relative pl-8", inGroup && "ml-6")}>
            {!last && <span aria-hidden className="absolute top-7 bottom-0 left-[11px] w-px bg-border" />}
            <span className="absolute top-3 left-1 flex size-4 items-center justify-center rounded-full bg-bg">
              <RunStatusIcon status={execution.status} />
            </span>
            <details className="group mb-3 rounded-lg border border-border bg-surface shadow-xs">
              <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm [&::-webkit-details-marker]:hidden">
                <ChevronRight aria-hidden className="size-4 shrink-0 text-fg-muted transition-transform group-open:rotate-90" />
                {node?.name ? (
                  <>
                    <span className="font-medium">{node.name}</span>
                    <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs">{execution.nodeSlug}</code>
                  </>
                ) : (
                  <code className="font-mono text-sm font-medium">{execution.nodeSlug}</code>
                )}
                {action !== execution.nodeSlug && <span className="text-fg-muted">{action}</span>}
                {inGroup && <span className="text-xs text-fg-muted">item {execution.itemIndex}</span>}
                <span className="ml-auto flex items-center gap-3 text-xs text-fg-muted tabular-nums">
                  {execution.attempts > 1 && <span>{execution.attempts} calls</span>}
                  <ExecutionDuration execution={execution} />
                </span>
                {(execution.title || execution.errorMessage) && (
                  <span className="basis-full pl-7 text-sm">
                    {execution.title && <span className={cn(execution.errorMessage && "text-fg-muted")}>{execution.title}</span>}
                    {execution.errorMessage && (
                      <span className="block text-danger">
                        {execution.errorMessage}
                      </span>
                    )}
                  </span>
                )}
              </summary>
              {inGroup ? (
                <p className="border-t border-border p-4 text-sm text-fg-muted">Ran inside a group; the group&apos;s output lists each item&apos;s result.</p>
              ) : (
                <div className="grid items-start gap-3 border-t border-border p-4 md:grid-cols-2">
                  <JsonBlock label="Computed config" name={`Computed config of ${execution.nodeSlug}`} value={runComputedConfigs[execution.nodeSlug]} />
                  <JsonBlock label="Output" name={`Output of ${execution.nodeSlug}`} value={runContext[execution.nodeSlug]} />
                </div>
              )}
            </details>
          </li>
        );
      })}
    </ol>
  );
}
