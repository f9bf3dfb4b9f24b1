"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { runQueries } from "@/lib/api/run-queries";
import type { RunSummary } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { elapsedMs, formatDuration, isActive, shortId } from "./format";
import { RunStatusBadge } from "./run-status-badge";
import { useNow } from "./use-now";

const LIMIT = 20;

/** The workflow's latest runs; choosing one shows it on the canvas, the icon opens its page. */
export function RunHistory({ workflowUuid, shownUuid, onShow }: { workflowUuid: string; shownUuid: string | null; onShow: (uuid: string) => void }) {
  const titleId = useId();
  const runs = useQuery(runQueries.list({ workflowUuid, limit: LIMIT }));
  const now = useNow(Boolean(runs.data?.runs.some((run) => isActive(run.status))));
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <h3 id={titleId} className="text-sm font-semibold">
          Run history
        </h3>
        <Link href="/runs" className="text-xs text-fg-muted hover:text-fg hover:underline">
          All runs
        </Link>
      </div>
      {runs.isPending ? (
        <Skeleton className="h-16" />
      ) : runs.error ? (
        <p className="text-sm text-danger">Could not load the history: {runs.error.message}</p>
      ) : runs.data.runs.length === 0 ? (
        <p className="text-sm text-fg-muted">No runs yet. Runs you start here are listed with their status.</p>
      ) : (
        <ul aria-label="Run history" className="-mx-1 flex flex-col">
          {runs.data.runs.map((run) => (
            <HistoryItem key={run.uuid} run={run} now={now} shown={run.uuid === shownUuid} onShow={() => onShow(run.uuid)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HistoryItem({ run, now, shown, onShow }: { run: RunSummary; now: number; shown: boolean; onShow: () => void }) {
  return (
    <li aria-current={shown || undefined} className={cn("group flex items-center rounded-md", shown ? "bg-accent/10" : "hover:bg-surface-muted")}>
      <button type="button" onClick={onShow} className="flex min-w-0 flex-1 items-center gap-2 px-1 py-1.5 text-left text-xs">
        <RunStatusBadge status={run.status} />
        <span className="font-mono text-fg-muted">{shortId(run.uuid)}</span>
        <span className="truncate text-fg-muted">
          <RelativeTime iso={run.createdAt} />
        </span>
        <span className="ml-auto text-fg-muted tabular-nums">{formatDuration(elapsedMs(run.createdAt, run.finishedAt, now))}</span>
      </button>
      <Link
        href={`/runs/${run.uuid}`}
        aria-label={`Open run ${shortId(run.uuid)}`}
        title="Open the run's page"
        className="rounded p-1.5 text-fg-muted hover:text-fg"
      >
        <ExternalLink aria-hidden className="size-3.5" />
      </Link>
    </li>
  );
}
