"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { BatchStatusBadge } from "@/components/batches/batch-status-badge";
import { RelativeTime } from "@/components/integrations/relative-time";
import { shortId } from "@/components/runs/format";
import { DataTable } from "@/components/ui/data-table";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { batchQueries } from "@/lib/api/batch-queries";

const LIMIT = 50;
const counts = new Intl.NumberFormat("en-US");
/** What started a batch of the play's workflow: the play (a sync's changes, a tick of its schedule) or someone by hand. */
const ORIGIN: Record<string, string> = { change: "Segment changes", schedule: "Schedule tick" };

/** The batches of the play's workflow, newest first: one per sync that changed the segment in the play's kinds. */
export function PlayBatches({ workflowUuid }: { workflowUuid: string }) {
  const batches = useQuery(batchQueries.list({ workflowUuid, limit: LIMIT }));

  return (
    <section aria-labelledby="play-batches" className="flex flex-col gap-3">
      <h2 id="play-batches" className="text-base font-semibold">
        Batches
      </h2>
      {batches.isPending ? (
        <Skeleton className="h-24" aria-label="Loading batches" />
      ) : batches.error ? (
        <QueryError title="Could not load the batches" error={batches.error} onRetry={() => batches.refetch()} retrying={batches.isFetching} />
      ) : batches.data.batches.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-center text-sm text-fg-muted">
          No batch yet. The next sync that changes the segment in the play&apos;s change kinds starts one, as does each tick of its schedule.
        </p>
      ) : (
        <DataTable caption={<>Batches of the play&apos;s workflow, newest first</>} columns={["Batch", "Status", "Runs", "Started"]}>
          {batches.data.batches.map((batch) => (
            <tr key={batch.uuid} className="group relative hover:bg-surface-muted/60">
              <td className="px-4 py-3">
                <Link href={`/batches/${batch.uuid}`} className="font-mono text-xs after:absolute after:inset-0 group-hover:underline">
                  {shortId(batch.uuid)}
                </Link>
                <p className="text-xs text-fg-muted">{ORIGIN[batch.data.kind] ?? "Started by hand"}</p>
              </td>
              <td className="px-4 py-3">
                <BatchStatusBadge batch={batch} />
              </td>
              <td className="px-4 py-3 text-fg-muted tabular-nums">
                {counts.format(batch.executedRunsCount)} / {counts.format(batch.runsCount)} done
                {batch.failedRunsCount > 0 && <span className="text-danger"> · {counts.format(batch.failedRunsCount)} failed</span>}
              </td>
              <td className="px-4 py-3 text-fg-muted">
                <RelativeTime iso={batch.createdAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
