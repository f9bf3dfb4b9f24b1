import type { Batch } from "@/lib/contract";

/** What a batch's progress reads as: counts, a rate and an estimate of the time left. */
export interface BatchProgress {
  total: number;
  done: number;
  failed: number;
  succeeded: number;
  elapsedMs: number;
  /** Runs ended per second so far; null before the first one has. */
  perSecond: number | null;
  /** At that rate, until the last run ends; null when it cannot be told (nothing ended yet, or finished). */
  leftMs: number | null;
}

/** The figures of a batch's progress bar at `now` (its end, once it has finished). */
export function batchProgress(batch: Pick<Batch, "runsCount" | "executedRunsCount" | "failedRunsCount" | "createdAt" | "finishedAt" | "status">, now: number): BatchProgress {
  const total = batch.runsCount;
  const done = Math.min(batch.executedRunsCount, total);
  const failed = batch.failedRunsCount;
  const elapsedMs = Math.max(0, (batch.finishedAt ? Date.parse(batch.finishedAt) : now) - Date.parse(batch.createdAt));
  const perSecond = done > 0 && elapsedMs > 0 ? done / (elapsedMs / 1000) : null;
  const active = batch.status === "pending" || batch.status === "running";
  const leftMs = active && perSecond ? ((total - done) / perSecond) * 1000 : null;
  return { total, done, failed, succeeded: done - failed, elapsedMs, perSecond, leftMs };
}

/** `12.5/s`, `0.8/s`, `1.2/min` below one a minute… */
export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return "—";
  if (perSecond >= 10) return `${Math.round(perSecond)}/s`;
  if (perSecond >= 0.1) return `${perSecond.toFixed(1)}/s`;
  return `${(perSecond * 60).toFixed(1)}/min`;
}

/** 0–100 for a share of the total, 0 for an empty batch. */
export function percentOf(part: number, total: number): number {
  return total > 0 ? (part / total) * 100 : 0;
}
