"use client";

import type { Execution, WorkflowNode } from "@/lib/contract";
import { plural } from "@/components/integrations/format";
import { elapsedMs, formatDuration, isActive } from "./format";
import { useNow } from "./use-now";

/** What a node is: `demo_crm · createRecord`, or the built-in action's slug. */
export function actionLabel(node: WorkflowNode | undefined, execution: Execution): string {
  if (node?.kind === "connector") return `${node.integrationSlug} · ${node.actionSlug}`;
  return execution.nodeActionSlug ?? execution.nodeKind;
}

/** An execution's duration, ticking while it runs. */
export function ExecutionDuration({ execution }: { execution: Execution }) {
  const now = useNow(isActive(execution.status));
  return <>{formatDuration(elapsedMs(execution.startedAt, execution.finishedAt, now))}</>;
}

/** The title, attempts and duration of one execution, as a definition list. */
export function ExecutionFacts({ execution }: { execution: Execution }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-fg-muted">Title</dt>
      <dd data-testid="execution-title">{execution.title || "—"}</dd>
      <dt className="text-fg-muted">Duration</dt>
      <dd data-testid="execution-duration" className="tabular-nums">
        <ExecutionDuration execution={execution} />
      </dd>
      <dt className="text-fg-muted">Attempts</dt>
      <dd className="tabular-nums">{plural(execution.attempts, "call")}</dd>
    </dl>
  );
}
