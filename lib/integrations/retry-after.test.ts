import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS, retryAfterMs } from "./retry-after";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("retryAfterMs", () => {
  it.each([
    ["absent", null, DEFAULT_RETRY_AFTER_MS],
    ["empty", " ", DEFAULT_RETRY_AFTER_MS],
    ["unreadable", "soon", DEFAULT_RETRY_AFTER_MS],
    ["seconds", "2", 2_000],
    ["fractional seconds", "0.5", 500],
    ["zero", "0", 0],
    ["an HTTP date", "Sun, 01 Jun 2025 12:00:05 GMT", 5_000],
    ["a date in the past", "Sun, 01 Jun 2025 11:59:00 GMT", 0],
    ["too many seconds", "3600", MAX_RETRY_AFTER_MS],
    ["a far date", "Mon, 02 Jun 2025 12:00:00 GMT", MAX_RETRY_AFTER_MS],
  ])("%s", (_name, header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});
