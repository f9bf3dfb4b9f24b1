"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Square } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { PageState } from "@/components/ui/page-state";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound } from "@/lib/api/api-fetch";
import { useCancelRunsMutation } from "@/lib/api/run-mutations";
import { runQueries } from "@/lib/api/run-queries";
import { workflowQueries } from "@/lib/api/workflow-queries";
import { ExecutionTimeline } from "./execution-timeline";
import { elapsedMs, formatDuration, formatTimestamp, isActive, shortId } from "./format";
import { JsonBlock } from "./json-block";
import { RunStatusBadge } from "./run-status-badge";
import { useNow } from "./use-now";

/** One run (`/runs/[uuid]`): status, timing, input and output, and its executions as a timeline; polled while it runs. */
export function RunDetail({ uuid }: { uuid: string }) {
  const query = useQuery({
    ...runQueries.detail(uuid),
    // As runQueries polls, but an unknown run stops polling instead of asking twice a second.
    refetchInterval: ({ state }) => (state.status === "error" || (state.data && !isActive(state.data.run.status)) ? false : 500),
  });
  const workflows = useQuery(workflowQueries.list());
  const cancel = useCancelRunsMutation();
  const now = useNow(Boolean(query.data && isActive(query.data.run.status)));

  if (query.isPending || query.error) {
    return (
      <PageState load={query} thing="run" missing={isNotFound(query.error)} back={{ href: "/runs", label: "See all runs" }} id={uuid}>
        <Skeleton className="h-14 w-72" />
        <Skeleton className="h-20" />
        <div className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
        <Skeleton className="h-48" />
      </PageState>
    );
  }

  const { run } = query.data;
  const workflowName = run.workflowUuid ? workflows.data?.workflows.find((workflow) => workflow.uuid === run.workflowUuid)?.name : undefined;
  const active = isActive(run.status);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/runs" className="inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
          <ArrowLeft aria-hidden className="size-3.5" /> Runs
        </Link>
        <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold tracking-tight">
              <span className="truncate">{workflowName ?? (run.workflowUuid ? "Workflow run" : "Ad-hoc run")}</span>
              <RunStatusBadge status={run.status} />
            </h1>
            <p className="mt-1 text-sm text-fg-muted">
              Run <code className="font-mono text-xs">{shortId(run.uuid)}</code> · started <RelativeTime iso={run.createdAt} />
            </p>
          </div>
          <div className="flex items-center gap-2">
            {active && (
              <Button variant="secondary" onClick={() => cancel.mutate([run.uuid])} disabled={cancel.isPending}>
                <Square aria-hidden className="size-3.5" />
                {cancel.isPending ? "Cancelling…" : "Cancel run"}
              </Button>
            )}
            {run.workflowUuid && (
              <ButtonLink href={`/workflows/${run.workflowUuid}`} variant={active ? "secondary" : "primary"}>
                Open in editor
              </ButtonLink>
            )}
          </div>
        </div>
      </div>

      {cancel.error && <Alert title="Could not cancel the run">{cancel.error.message}</Alert>}

      <Card className="grid grid-cols-2 divide-border max-md:gap-y-4 max-md:p-4 md:grid-cols-4 md:divide-x">
        <Fact label="Nodes run">
          {run.executions.length} of {run.nodes.length}
        </Fact>
        <Fact label="Started">
          <time dateTime={run.createdAt} title={run.createdAt}>
            {formatTimestamp(run.createdAt)}
          </time>
        </Fact>
        <Fact label="Finished">
          {run.finishedAt ? (
            <time dateTime={run.finishedAt} title={run.finishedAt}>
              {formatTimestamp(run.finishedAt)}
            </time>
          ) : (
            <span className="text-fg-muted">Not yet</span>
          )}
        </Fact>
        <Fact label="Duration">
          <span data-testid="run-duration">{formatDuration(elapsedMs(run.createdAt, run.finishedAt, now))}</span>
        </Fact>
      </Card>

      {run.errorMessage && <Alert title={run.status === "cancelled" ? "The run was cancelled" : "The run failed"}>{run.errorMessage}</Alert>}

      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Input data">
          <JsonBlock label="Input data" value={run.data} collapsible={false} />
        </Section>
        <Section title="Output">
          {run.output ? (
            <JsonBlock label="Output" value={run.output} collapsible={false} />
          ) : (
            <p className="rounded-md border border-dashed border-border p-3 text-sm text-fg-muted">
              {active ? "The output appears when the run reaches an end node." : "No output: the run did not reach an end node."}
            </p>
          )}
        </Section>
      </div>

      <Section title={`Executions (${run.executions.length})`}>
        <ExecutionTimeline detail={query.data} />
      </Section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="md:px-5 md:py-4">
      <p className="text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</p>
      <p className="mt-1 text-sm font-medium tabular-nums">{children}</p>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title.replace(/ \(\d+\)$/, "")} className="flex min-w-0 flex-col gap-2">
      <h2 className="text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}
