import { Cron } from "croner";
import type { PlaySchedule } from "@/lib/contract";
import { AppError } from "../errors";

/**
 * 400 naming `schedule.cron` with croner's own message when the scheduler could not run the
 * expression: the contract checks only its shape, and a play saved with a schedule that never
 * ticks would fail silently in every worker instead.
 */
export function assertSchedule(schedule: PlaySchedule | undefined): void {
  if (!schedule) return;
  try {
    new Cron(schedule.cron, { timezone: "UTC", paused: true }).stop();
  } catch (error) {
    const message = (error as Error).message;
    throw new AppError("bad_request:input", `Invalid schedule.cron: ${message}`, { reason: "invalidSchedule", problems: [{ path: "schedule.cron", message }] });
  }
}

/**
 * The scheduled time a job fired for: the latest occurrence of its expression at or before
 * `firedAt`. croner never fires early but may fire late (a busy event loop), so the time is looked
 * up rather than rounded: every worker firing for one tick computes the same key.
 * @example tickOf(new Cron("* * * * *", { paused: true }), new Date("2025-01-01T10:00:00.042Z")) // 10:00:00.000Z
 */
export function tickOf(job: Cron, firedAt: Date): Date {
  for (const unit of [1_000, 60_000, 3_600_000]) {
    let tick: Date | null = null;
    for (let next = job.nextRun(new Date(Math.floor(firedAt.getTime() / unit) * unit - 1)); next && next <= firedAt; next = job.nextRun(next)) tick = next;
    if (tick) return tick;
  }
  return new Date(Math.floor(firedAt.getTime() / 1_000) * 1_000);
}
