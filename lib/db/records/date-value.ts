/**
 * A date condition's value, resolved: a whole UTC day (`2024-03-05`), or an instant (an ISO
 * timestamp, or a span such as `3 months` meaning that long before now).
 */
export type DateValue =
  | { kind: "day"; day: string; nextDay: string; startMs: number }
  | { kind: "instant"; iso: string; startMs: number };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const SPAN = /^(\d{1,6})\s*(year|month|week|day|hour|minute)s?(?:\s+ago)?$/i;

const HOUR_MS = 3_600_000;
const SPAN_MS = { week: 7 * 24 * HOUR_MS, day: 24 * HOUR_MS, hour: HOUR_MS, minute: 60_000 } as const;

/**
 * Reads a date condition's value, or answers null when it is neither an ISO date or timestamp
 * nor a span. A timestamp without an offset is taken as UTC, so the answer never depends on the
 * server's time zone.
 * @example resolveDateValue("2 weeks", new Date("2025-06-15T12:00:00Z")) // instant 2025-06-01T12:00:00.000Z
 */
export function resolveDateValue(text: string, now: Date): DateValue | null {
  const value = text.trim();
  const day = DAY.exec(value);
  if (day) {
    const startMs = utc(Number(day[1]), Number(day[2]), Number(day[3]));
    return startMs === null ? null : { kind: "day", day: value, nextDay: isoDay(startMs + SPAN_MS.day), startMs };
  }
  const timestamp = TIMESTAMP.exec(value);
  if (timestamp) return instant(timestampMs(timestamp));
  const span = SPAN.exec(value);
  if (span) return instant(before(now, Number(span[1]), span[2]!.toLowerCase() as SpanUnit));
  return null;
}

type SpanUnit = "year" | "month" | keyof typeof SPAN_MS;

function instant(ms: number | null): DateValue | null {
  return ms === null || !Number.isFinite(ms) ? null : { kind: "instant", iso: new Date(ms).toISOString(), startMs: ms };
}

/** Midnight UTC of a calendar day, or null for a day that does not exist (2023-02-29). */
function utc(year: number, month: number, day: number): number | null {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, leaves years 0–99 alone.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() : null;
}

function timestampMs(parts: RegExpExecArray): number | null {
  const [, year, month, day, hour, minute, second = "0", fraction = "", zone = "Z"] = parts;
  const midnight = utc(Number(year), Number(month), Number(day));
  if (midnight === null || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  const offset = /^[+-](\d{2}):?(\d{2})$/.exec(zone);
  const offsetMinutes = offset ? (zone.startsWith("-") ? -1 : 1) * (Number(offset[1]) * 60 + Number(offset[2])) : 0;
  const milliseconds = Number(fraction.padEnd(3, "0").slice(0, 3));
  return midnight + ((Number(hour) * 60 + Number(minute) - offsetMinutes) * 60 + Number(second)) * 1000 + milliseconds;
}

/** `now` minus the span; months and years move the calendar, clamped to the month's last day. */
function before(now: Date, count: number, unit: SpanUnit): number {
  if (unit !== "year" && unit !== "month") return now.getTime() - count * SPAN_MS[unit];
  const target = now.getUTCFullYear() * 12 + now.getUTCMonth() - (unit === "year" ? count * 12 : count);
  const year = Math.floor(target / 12);
  const month = target - year * 12;
  const date = new Date(now.getTime());
  date.setUTCFullYear(year, month, Math.min(now.getUTCDate(), daysInMonth(year, month)));
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month + 1, 0);
  return date.getUTCDate();
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
