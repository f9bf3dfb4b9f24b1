export const DEFAULT_RETRY_AFTER_MS = 1_000;
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * How long to wait before retrying a 429, from its `Retry-After` header: delay-seconds or an
 * HTTP date, 1 s when absent or unreadable, never more than 30 s so one answer cannot stall a run.
 * @example retryAfterMs("2") // 2000
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  const value = header?.trim();
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Number(value) * 1000;
  } else {
    const date = Date.parse(value);
    if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_MS;
    ms = date - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
