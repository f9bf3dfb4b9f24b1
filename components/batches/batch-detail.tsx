"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, RotateCcw, Square } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { shortId } from "@/components/runs/format";
import { useNow } from "@/components/runs/use-now";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageState } from "@/components/ui/page-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound } from "@/lib/api/api-fetch";
import { useCancelBatchMutation, useRetryFailedBatchMutation } from "@/lib/api/batch-mutations";
import { batchKeys, batchQueries, isBatchActive } from "@/lib/api/batch-queries";
import { workflowQueries } from "@/lib/api/workflow-queries";
import type { Batch, BatchData } from "@/lib/contract";
import { BatchDownload } from "./batch-download";
import { BatchGraph } from "./batch-graph";
import { BatchProgressCard } from "./batch-progress";
import { BatchStatusBadge } from "./batch-status-badge";
import { FailedRecords } from "./failed-records";

/**
 * One batch (`/batches/[uuid]`): status and workflow, the progress bar, the graph with each node's
 * counts, the failed records, and Cancel, Retry failed and Download. Polled while it runs.
 */
export function BatchDetail({ uuid }: { uuid: string }) {
  const query = useQuery(batchQueries.detail(uuid));
  const batch = query.data?.batch;

  // A poll that fails keeps the batch shown: only a batch never loaded is an error page.
  if (batch) return <LoadedBatch batch={batch} />;
  return (
    <PageState load={query} thing="batch" missing={isNotFound(query.error)} back={{ href: "/batches", label: "See all batches" }} id={uuid}>
      <Skeleton className="h-14 w-72" />
      <Skeleton className="h-36" />
      <Skeleton className="h-[420px]" />
    </PageState>
  );
}

function LoadedBatch({ batch }: { batch: Batch }) {
  const queryClient = useQueryClient();
  const active = isBatchActive(batch.status);
  const now = useNow(active);
  const workflow = useQuery({ ...workflowQueries.detail(batch.workflowUuid ?? ""), enabled: batch.workflowUuid !== null });
  const metrics = useQuery(batchQueries.metrics(batch.uuid, active));
  const failed = useQuery(batchQueries.failedRecords(batch.uuid, active));
  const cancel = useCancelBatchMutation();
  const retry = useRetryFailedBatchMutation();
  const nodes = batch.nodes ?? workflow.data?.workflow.nodes;

  // The last poll may have been a moment before the end: once finished, read the counts once more.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void queryClient.invalidateQueries({ queryKey: batchKeys.progress(batch.uuid) });
    wasActive.current = active;
  }, [active, batch.uuid, queryClient]);

  const name = batch.workflowUuid ? (workflow.data?.workflow.name ?? "Workflow") : "Ad-hoc graph";
  const canRetry = !active && batch.failedRunsCount > 0;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/batches" className="inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
          <ArrowLeft aria-hidden className="size-3.5" /> Batches
        </Link>
        <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold tracking-tight">
              {batch.workflowUuid ? (
                <Link href={`/workflows/${batch.workflowUuid}`} className="truncate hover:underline">
                  {name}
                </Link>
              ) : (
                <span className="truncate">{name}</span>
              )}
              <BatchStatusBadge batch={batch} />
            </h1>
            <p className="mt-1 text-sm text-fg-muted">
              Batch <code className="font-mono text-xs">{shortId(batch.uuid)}</code> · {sourceLabel(batch.data)} · started <RelativeTime iso={batch.createdAt} />
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {active && (
              <Button variant="secondary" onClick={() => cancel.mutate(batch.uuid)} disabled={cancel.isPending}>
                <Square aria-hidden className="size-3.5" />
                {cancel.isPending ? "Cancelling…" : "Cancel batch"}
              </Button>
            )}
            {canRetry && (
              <Button onClick={() => retry.mutate(batch.uuid)} disabled={retry.isPending}>
                <RotateCcw aria-hidden className="size-3.5" />
                {retry.isPending ? "Retrying…" : `Retry ${batch.failedRunsCount} failed`}
              </Button>
            )}
          </div>
        </div>
      </div>

      {cancel.error && <Alert title="Could not cancel the batch">{cancel.error.message}</Alert>}
      {retry.error && <Alert title="Could not retry the failed runs">{retry.error.message}</Alert>}
      {batch.errorMessage && <Alert title={batch.status === "cancelled" ? "The batch was cancelled" : "The batch stopped"}>{batch.errorMessage}</Alert>}

      <BatchProgressCard batch={batch} now={now} />

      <Section title="Graph" description="How many of the batch's records each node succeeded and failed on.">
        {nodes ? (
          <BatchGraph nodes={nodes} metrics={metrics.data?.recordMetrics ?? []} />
        ) : workflow.error ? (
          <QueryError title="Could not load the workflow's graph" error={workflow.error} onRetry={() => workflow.refetch()} retrying={workflow.isFetching} />
        ) : (
          <Skeleton className="h-[420px]" />
        )}
        {metrics.error && <p className="text-xs text-danger">Could not load the node counts: {metrics.error.message}</p>}
      </Section>

      <Section id="failed-records" title={`Failed records (${failed.data?.count ?? batch.failedRunsCount})`}>
        <FailedRecords
          records={failed.data?.records}
          count={failed.data?.count ?? 0}
          error={failed.error}
          onRetry={() => failed.refetch()}
          retrying={failed.isFetching}
        />
      </Section>

      <Section title="Download" description="One row per record: its id, title, run status and error, then the chosen node's output as columns.">
        <BatchDownload batch={batch} nodes={nodes} />
      </Section>
    </div>
  );
}

function sourceLabel(data: BatchData): string {
  switch (data.kind) {
    case "records":
      return `${data.records.length} pasted record${data.records.length === 1 ? "" : "s"}`;
    case "file":
      return "from a CSV file";
    case "recordIds":
      return `${data.ids.length} record${data.ids.length === 1 ? "" : "s"} of a model`;
    case "filter":
      return "a model's records by filter";
    case "segment":
      return "a segment's records";
    case "change":
      return `a play's records changed by a sync (${data.changeKinds.join(", ")})`;
    case "schedule":
      return `a play's segment at its scheduled tick (${data.tickAt})`;
  }
}

function Section({ id, title, description, children }: { id?: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section id={id} aria-label={title.replace(/ \(\d+\)$/, "")} className="flex min-w-0 scroll-mt-6 flex-col gap-2">
      <div>
        <h2 className="text-sm font-semibold">{title}</h2>
        {description && <p className="text-xs text-fg-muted">{description}</p>}
      </div>
      {children}
    </section>
  );
}
