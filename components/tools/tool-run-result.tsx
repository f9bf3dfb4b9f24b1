"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ExecutionTimeline } from "@/components/runs/execution-timeline";
import { isActive, shortId } from "@/components/runs/format";
import { JsonBlock } from "@/components/runs/json-block";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { runQueries } from "@/lib/api/run-queries";

/** The run a submit started, followed live through `runQueries.detail` (polled until it ends): status, output, executions. */
export function ToolRunResult({ runUuid }: { runUuid: string }) {
  const query = useQuery(runQueries.detail(runUuid));
  if (query.isPending) return <Skeleton className="h-24" aria-label="Loading the run" />;
  if (query.error) return <Alert title="Could not load the run">{query.error.message}</Alert>;
  const { run } = query.data;
  const active = isActive(run.status);

  return (
    <section aria-label="Run" data-testid="tool-run" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 text-sm font-semibold">
          Run <RunStatusBadge status={run.status} />
        </h2>
        <Link href={`/runs/${run.uuid}`} className="font-mono text-xs text-fg-muted hover:text-fg hover:underline">
          {shortId(run.uuid)}
        </Link>
      </div>
      {run.errorMessage && <Alert title="The run failed">{run.errorMessage}</Alert>}
      {run.output ? (
        <JsonBlock label="Output" value={run.output} collapsible={false} />
      ) : (
        <p className="text-sm text-fg-muted">{active ? "Running… the output appears when the run reaches an end node." : "No output: the run did not reach an end node."}</p>
      )}
      <ExecutionTimeline detail={query.data} />
    </section>
  );
}
