import type { ExecutionStatus } from "@/lib/contract";

/** Milliseconds from `start` to `end`, or to `now` while it has not ended. */
export function elapsedMs(start: string, end: string | null, now: number = Date.now()): number {
  return Math.max(0, (end ? Date.parse(end) : now) - Date.parse(start));
}

/** `850 ms`, `1.2 s`, `2 min 5 s`, `1 h 3 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${Math.floor(minutes / 60)} h`;
}

/** `12 Mar, 14:05:09`: a run's moment, to the second. */
export function formatTimestamp(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** Whether a run or an execution is still going. */
export function isActive(status: ExecutionStatus): boolean {
  return status === "pending" || status === "running";
}

/**
 * The last 8 characters of a uuid, enough to tell runs apart at a glance. Not the first: a run's
 * uuid is time-ordered (UUIDv7, lib/server/time-ordered-uuid.ts), its first 8 the same for every
 * run of about a minute; its last are random.
 */
export function shortId(uuid: string): string {
  return uuid.slice(-8);
}
