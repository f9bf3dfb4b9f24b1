const counts = new Intl.NumberFormat("en-US");

/** `12,345`. */
export function formatCount(count: number): string {
  return counts.format(count);
}

/** `1 record`, `12,345 records`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** `minute`, `5 minutes`, `hour`, `2 hours`: "every …". */
export function formatInterval(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  if (seconds < 3600) return seconds === 60 ? "minute" : `${Math.round(seconds / 60)} minutes`;
  return seconds === 3600 ? "hour" : `${Math.round(seconds / 3600)} hours`;
}

export { syncIntervalOf } from "@/lib/contract";
