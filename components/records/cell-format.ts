import type { ModelColumn } from "@/lib/contract";

/** A record value as a table cell shows it, and whether it lines up on the right (numbers). */
export interface CellText {
  text: string;
  numeric: boolean;
  /** The full value, where the text shortens it (long JSON) or reformats it (dates). */
  title?: string;
}

const numbers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
const dates = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
// A day without a time (`2024-01-31`) is that day wherever the reader is: formatted in UTC, where it parses.
const days = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_JSON = 120;

/**
 * Formats one value for its column's type: numbers grouped, dates as `12 Mar 2024, 14:05` (a
 * day alone as `12 Mar 2024`), booleans as ✓ or —, objects and arrays as compact JSON; nothing
 * for null. A value that does not fit its declared type is shown as it is.
 */
export function formatCell(value: unknown, type: ModelColumn["type"]): CellText {
  if (value === null || value === undefined) return { text: "", numeric: type === "number" };
  if (typeof value === "boolean") return { text: value ? "✓" : "—", numeric: false, title: String(value) };
  if (typeof value === "number") return { text: numbers.format(value), numeric: true, title: String(value) };
  if (type === "date" && (typeof value === "string" || typeof value === "number")) {
    const time = Date.parse(String(value));
    if (!Number.isNaN(time)) return { text: (DAY.test(String(value)) ? days : dates).format(time), numeric: false, title: String(value) };
  }
  if (type === "number" && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return { text: numbers.format(Number(value)), numeric: true, title: value };
  }
  if (typeof value === "object") {
    const json = JSON.stringify(value);
    return json.length > MAX_JSON ? { text: `${json.slice(0, MAX_JSON)}…`, numeric: false, title: json } : { text: json, numeric: false };
  }
  return { text: String(value), numeric: false };
}

/** A value in full, for the record drawer: JSON indented, the rest as the table shows it plus the raw value. */
export function formatFull(value: unknown, type: ModelColumn["type"]): { text: string; raw?: string; block: boolean } {
  if (value !== null && typeof value === "object") return { text: JSON.stringify(value, null, 2), block: true };
  const cell = formatCell(value, type);
  return { text: cell.text, raw: cell.title && cell.title !== cell.text ? cell.title : undefined, block: false };
}
