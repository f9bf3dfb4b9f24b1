"use client";

import { useQuery } from "@tanstack/react-query";
import { Rows3 } from "lucide-react";
import Link from "next/link";
import { RelativeTime } from "@/components/integrations/relative-time";
import { shortId } from "@/components/runs/format";
import { ButtonLink } from "@/components/ui/button-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { batchQueries } from "@/lib/api/batch-queries";
import { workflowQueries } from "@/lib/api/workflow-queries";
import type { Batch } from "@/lib/contract";
import { percentOf } from "./batch-format";
import { BatchStatusBadge } from "./batch-status-badge";

const LIMIT = 100;
const counts = new Intl.NumberFormat("en-US");

/** Every batch, newest first, with its progress; refreshed while some are still running. */
export function BatchList() {
  const batches = useQuery(batchQueries.list({ limit: LIMIT }));
  const workflows = useQuery(workflowQueries.list());
  const names = new Map(workflows.data?.workflows.map((workflow) => [workflow.uuid, workflow.name]));

  if (batches.isPending) return <BatchListSkeleton />;
  if (batches.error) return <QueryError title="Could not load batches" error={batches.error} onRetry={() => batches.refetch()} retrying={batches.isFetching} />;
  if (batches.data.batches.length === 0) {
    return (
      <EmptyState
        icon={<Rows3 className="size-5" />}
        title="No batches yet"
        action={
          <ButtonLink href="/batches/new" variant="primary">
            Run on records
          </ButtonLink>
        }
      >
        A batch runs a workflow once per record: a segment, a filter over a model, a CSV or pasted records. Start one here or from the editor&apos;s Runs tab.
      </EmptyState>
    );
  }
  return (
    <DataTable caption="Batches, newest first" columns={["Workflow", "Status", { label: "Progress", className: "w-64" }, "Started"]}>
      {batches.data.batches.map((batch) => (
        <BatchRow key={batch.uuid} batch={batch} name={batch.workflowUuid ? (names.get(batch.workflowUuid) ?? "Deleted workflow") : "Ad-hoc graph"} />
      ))}
    </DataTable>
  );
}

function BatchRow({ batch, name }: { batch: Batch; name: string }) {
  const succeeded = batch.executedRunsCount - batch.failedRunsCount;
  return (
    <tr className="group relative hover:bg-surface-muted/60">
      <td className="px-4 py-3">
        {/* The link's box covers the row, so the whole row opens the batch. */}
        <Link href={`/batches/${batch.uuid}`} className="font-medium after:absolute after:inset-0 group-hover:underline">
          {name}
        </Link>
        <p className="font-mono text-xs text-fg-muted">{shortId(batch.uuid)}</p>
      </td>
      <td className="px-4 py-3">
        <BatchStatusBadge batch={batch} />
      </td>
      <td className="px-4 py-3">
        <div
          role="progressbar"
          aria-label={`Progress of ${name}`}
          aria-valuemin={0}
          aria-valuemax={batch.runsCount}
          aria-valuenow={batch.executedRunsCount}
          className="flex h-1.5 overflow-hidden rounded-full bg-surface-muted"
        >
          <div className="h-full bg-success" style={{ width: `${percentOf(succeeded, batch.runsCount)}%` }} />
          <div className="h-full bg-danger" style={{ width: `${percentOf(batch.failedRunsCount, batch.runsCount)}%` }} />
        </div>
        <p className="mt-1 text-xs text-fg-muted tabular-nums">
          {counts.format(batch.executedRunsCount)} / {counts.format(batch.runsCount)} done
          {batch.failedRunsCount > 0 && <span className="text-danger"> · {counts.format(batch.failedRunsCount)} failed</span>}
        </p>
      </td>
      <td className="px-4 py-3 text-fg-muted">
        <RelativeTime iso={batch.createdAt} />
      </td>
    </tr>
  );
}

export function BatchListSkeleton() {
  return (
    <div className="flex flex-col gap-px overflow-hidden rounded-lg border border-border bg-surface" aria-busy="true" aria-label="Loading batches">
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="flex items-center gap-6 px-4 py-4">
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-5 w-20 rounded-full" />
          <Skeleton className="h-2 w-56" />
          <Skeleton className="ml-auto h-4 w-16" />
        </div>
      ))}
    </div>
  );
}
