"use client";

import { useQuery } from "@tanstack/react-query";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { segmentQueries } from "@/lib/api/segment-queries";
import type { SegmentChange } from "@/lib/contract";

const KIND_LABELS: Record<SegmentChange["kind"], string> = { added: "Entered", updated: "Changed", removed: "Left" };

/** The records each sync added to, updated in and removed from the segment, newest sync first. */
export function SegmentChanges({ segmentUuid }: { segmentUuid: string }) {
  const changes = useQuery(segmentQueries.changes(segmentUuid));
  const bySync = new Map<string, SegmentChange[]>();
  for (const change of changes.data?.changes ?? []) bySync.set(change.syncUuid, [...(bySync.get(change.syncUuid) ?? []), change]);

  return (
    <section aria-labelledby="segment-changes-heading">
      <h2 id="segment-changes-heading" className="mb-2 text-base font-semibold">
        Changes by sync
      </h2>
      {changes.isPending ? (
        <Skeleton className="h-24" />
      ) : changes.error ? (
        <QueryError title="Could not load the changes" error={changes.error} onRetry={() => changes.refetch()} retrying={changes.isFetching} />
      ) : bySync.size === 0 ? (
        <Card className="p-4 text-sm text-fg-muted">No sync has changed this segment yet. Records that enter, change in or leave it with a sync are listed here.</Card>
      ) : (
        <div className="flex flex-col gap-3">
          {[...bySync.entries()].map(([syncUuid, list]) => (
            <Card key={syncUuid} className="overflow-x-auto">
              <div className="flex flex-wrap items-baseline gap-3 border-b border-border px-4 py-2.5 text-sm">
                <span className="font-medium">
                  Sync <RelativeTime iso={list[0]!.createdAt} />
                </span>
                {(["added", "updated", "removed"] as const).map((kind) => (
                  <span key={kind} className="text-fg-muted tabular-nums">
                    {list.filter((change) => change.kind === kind).length} {KIND_LABELS[kind].toLowerCase()}
                  </span>
                ))}
              </div>
              <table className="w-full text-sm">
                <caption className="sr-only">Records this sync changed in the segment</caption>
                <thead className="border-b border-border text-left text-xs font-medium tracking-wide text-fg-muted uppercase">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Record
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Change
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-border">
                  {list.map((change) => (
                    <tr key={`${change.recordId}:${change.kind}`}>
                      <td className="px-4 py-2 font-mono text-xs">{change.recordId}</td>
                      <td className="px-4 py-2">
                        <Badge tone={change.kind === "added" ? "success" : change.kind === "removed" ? "danger" : "neutral"}>{KIND_LABELS[change.kind]}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}
