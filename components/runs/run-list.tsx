"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { History, SearchX } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Label, Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { runQueries } from "@/lib/api/run-queries";
import { workflowQueries } from "@/lib/api/workflow-queries";
import { RunStatus, type RunSummary } from "@/lib/contract";
import { elapsedMs, formatDuration, isActive, shortId } from "./format";
import { RunStatusBadge, statusLabel } from "./run-status-badge";
import { useNow } from "./use-now";

const LIMIT = 100;

/** Every run, newest first, filtered by `?status=`; refreshed while some are still running. */
export function RunList() {
  const status = useStatusFilter();
  const runs = useQuery({
    ...runQueries.list({ statuses: status.value ? [status.value] : undefined, limit: LIMIT }),
    placeholderData: keepPreviousData,
    refetchInterval: ({ state }) => (state.data?.runs.some((run) => isActive(run.status)) ? 2000 : false),
  });
  const workflows = useQuery(workflowQueries.list());
  const names = new Map(workflows.data?.workflows.map((workflow) => [workflow.uuid, workflow.name]));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-border bg-surface p-4">
        <div className="w-48">
          <Label htmlFor={status.id}>Status</Label>
          <Select id={status.id} value={status.value ?? ""} onChange={(event) => status.set(event.target.value)}>
            <option value="">All statuses</option>
            {RunStatus.options.map((option) => (
              <option key={option} value={option}>
                {statusLabel(option)}
              </option>
            ))}
          </Select>
        </div>
        {runs.data && (
          <p className="h-9 content-center text-sm text-fg-muted" aria-live="polite">
            {runs.data.runs.length === LIMIT ? `The latest ${LIMIT} runs` : `${runs.data.runs.length} run${runs.data.runs.length === 1 ? "" : "s"}`}
          </p>
        )}
      </div>
      {runs.isPending ? (
        <RunListSkeleton />
      ) : runs.error ? (
        <QueryError title="Could not load runs" error={runs.error} onRetry={() => runs.refetch()} retrying={runs.isFetching} />
      ) : runs.data.runs.length === 0 ? (
        status.value ? (
          <EmptyState
            icon={<SearchX className="size-5" />}
            title={`No ${statusLabel(status.value).toLowerCase()} runs`}
            action={
              <Button variant="secondary" onClick={() => status.set("")}>
                Show all runs
              </Button>
            }
          >
            No run has this status. Runs of every status are one click away.
          </EmptyState>
        ) : (
          <NoRuns />
        )
      ) : (
        <RunTable runs={runs.data.runs} names={names} />
      )}
    </div>
  );
}

function RunTable({ runs, names }: { runs: RunSummary[]; names: Map<string, string> }) {
  const now = useNow(runs.some((run) => isActive(run.status)));
  return (
    <DataTable caption="Runs, newest first" columns={["Workflow", "Status", "Started", { label: "Duration", className: "text-right" }]}>
      {runs.map((run) => {
        const name = run.workflowUuid ? (names.get(run.workflowUuid) ?? "Deleted workflow") : "Ad-hoc run";
        return (
          <tr key={run.uuid} className="group relative hover:bg-surface-muted/60">
            <td className="px-4 py-3">
              {/* The link's box covers the row, so the whole row opens the run. */}
              <Link href={`/runs/${run.uuid}`} className="font-medium after:absolute after:inset-0 group-hover:underline">
                {name}
              </Link>
              <p className="font-mono text-xs text-fg-muted">{shortId(run.uuid)}</p>
            </td>
            <td className="px-4 py-3">
              <RunStatusBadge status={run.status} />
              {run.errorMessage && run.status === "error" && (
                <p className="mt-1 max-w-sm truncate text-xs text-danger" title={run.errorMessage}>
                  {run.errorMessage}
                </p>
              )}
            </td>
            <td className="px-4 py-3 text-fg-muted">
              <RelativeTime iso={run.createdAt} />
            </td>
            <td className="px-4 py-3 text-right text-fg-muted tabular-nums">{formatDuration(elapsedMs(run.createdAt, run.finishedAt, now))}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

function NoRuns() {
  return (
    <EmptyState
      icon={<History className="size-5" />}
      title="No runs yet"
      action={
        <ButtonLink href="/workflows" variant="primary">
          Go to workflows
        </ButtonLink>
      }
    >
      Runs appear here once you run a workflow or try an action. Each run shows what every node received, returned and how long it took.
    </EmptyState>
  );
}

export function RunListSkeleton() {
  return (
    <div className="flex flex-col gap-px overflow-hidden rounded-lg border border-border bg-surface" aria-busy="true" aria-label="Loading runs">
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="flex items-center gap-6 px-4 py-4">
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-5 w-20 rounded-full" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="ml-auto h-4 w-12" />
        </div>
      ))}
    </div>
  );
}

/** The status filter, kept in the URL (`?status=`); a value the API would refuse counts as none. */
function useStatusFilter() {
  const id = useId();
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const parsed = RunStatus.safeParse(searchParams.get("status"));
  const set = (next: string) => {
    const params = new URLSearchParams(searchParams);
    if (next) params.set("status", next);
    else params.delete("status");
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return { id, value: parsed.success ? parsed.data : undefined, set };
}
