"use client";

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatDuration } from "@/components/runs/format";
import type { Batch } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { batchProgress, formatRate, percentOf } from "./batch-format";

const counts = new Intl.NumberFormat("en-US");

/**
 * The batch's progress bar (runs ended of the total, succeeded in green and failed in red) with
 * done, failed, total, the rate so far and the time left at that rate. "Failed" links to the list
 * of failed records below.
 */
export function BatchProgressCard({ batch, now }: { batch: Batch; now: number }) {
  const progress = batchProgress(batch, now);
  const active = batch.status === "pending" || batch.status === "running";
  const percent = Math.round(percentOf(progress.done, progress.total));
  const valueText = `${counts.format(progress.done)} of ${counts.format(progress.total)} runs done, ${counts.format(progress.failed)} failed`;

  return (
    <Card className="flex flex-col gap-4 p-5">
      <div className="flex items-baseline justify-between gap-4">
        <p className="text-sm font-medium">
          <span className="text-2xl font-semibold tabular-nums" data-testid="batch-done">
            {counts.format(progress.done)}
          </span>
          <span className="text-fg-muted tabular-nums"> / {counts.format(progress.total)} runs done</span>
        </p>
        <p className="text-sm text-fg-muted tabular-nums">{percent}%</p>
      </div>
      <div
        role="progressbar"
        aria-label="Batch progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={valueText}
        className="flex h-2.5 overflow-hidden rounded-full bg-surface-muted"
      >
        <div className="h-full bg-success transition-[width] duration-500" style={{ width: `${percentOf(progress.succeeded, progress.total)}%` }} />
        <div className="h-full bg-danger transition-[width] duration-500" style={{ width: `${percentOf(progress.failed, progress.total)}%` }} />
        {active && progress.done < progress.total && <div className="h-full flex-1 animate-pulse bg-accent/15" />}
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        <Fact label="Succeeded">{counts.format(progress.succeeded)}</Fact>
        <Fact label="Failed">
          {progress.failed > 0 ? (
            <a href="#failed-records" className="text-danger underline-offset-2 hover:underline">
              {counts.format(progress.failed)}
            </a>
          ) : (
            "0"
          )}
        </Fact>
        <Fact label="Total">{counts.format(progress.total)}</Fact>
        <Fact label="Rate">{formatRate(progress.perSecond)}</Fact>
        <Fact label={active ? "Time left" : "Took"}>
          {active ? (progress.leftMs === null ? "Estimating…" : `~${formatDuration(progress.leftMs)}`) : formatDuration(progress.elapsedMs)}
        </Fact>
      </dl>
    </Card>
  );
}

function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("min-w-0", className)}>
      <dt className="text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</dt>
      <dd className="mt-1 text-sm font-medium tabular-nums" data-testid={`batch-${label.toLowerCase().replace(/ /g, "-")}`}>
        {children}
      </dd>
    </div>
  );
}
