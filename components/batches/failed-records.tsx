"use client";

import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import type { WorkflowRecord } from "@/lib/contract";

/** The records whose run failed, each with its error and a link to that run's page. */
export function FailedRecords({
  records,
  count,
  error,
  onRetry,
  retrying,
}: {
  records: WorkflowRecord[] | undefined;
  count: number;
  error: Error | null;
  onRetry: () => void;
  retrying: boolean;
}) {
  if (error) return <QueryError title="Could not load the failed records" error={error} onRetry={onRetry} retrying={retrying} />;
  if (!records) return <Skeleton className="h-24" />;
  if (records.length === 0) return <p className="rounded-md border border-dashed border-border p-3 text-sm text-fg-muted">No run has failed.</p>;
  return (
    <>
      <ul aria-label="Failed records" className="divide-y divide-border rounded-lg border border-border bg-surface">
        {records.map((record) => (
          <li key={record.runUuid} aria-label={record.title} className="flex items-start justify-between gap-4 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="truncate font-medium">
                {record.title}
                {record.title !== record.id && <span className="ml-2 font-mono text-xs font-normal text-fg-muted">{record.id}</span>}
              </p>
              <p className="mt-0.5 text-danger [overflow-wrap:anywhere]">{record.errorMessage ?? "The run failed."}</p>
            </div>
            <Link
              href={`/runs/${record.runUuid}`}
              className="inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-1 text-xs font-medium text-fg-muted hover:bg-surface-muted hover:text-fg"
              aria-label={`Open the run of ${record.title}`}
            >
              Open run <ExternalLink aria-hidden className="size-3" />
            </Link>
          </li>
        ))}
      </ul>
      {count > records.length && (
        <p className="text-xs text-fg-muted">
          The first {records.length} of {count}; download the CSV for every record with its error.
        </p>
      )}
    </>
  );
}
