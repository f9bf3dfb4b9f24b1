import { describe, expect, it } from "vitest";
import { resolveDateValue } from "./date-value";

const at = (iso: string) => new Date(iso);
const NOW = at("2025-06-15T12:00:00.000Z");

describe("resolveDateValue", () => {
  it.each([
    ["2025-06-14", { kind: "day", day: "2025-06-14", nextDay: "2025-06-15", startMs: Date.parse("2025-06-14T00:00:00Z") }],
    ["2024-12-31", { kind: "day", day: "2024-12-31", nextDay: "2025-01-01", startMs: Date.parse("2024-12-31T00:00:00Z") }],
    ["2024-02-28", { kind: "day", day: "2024-02-28", nextDay: "2024-02-29", startMs: Date.parse("2024-02-28T00:00:00Z") }],
  ])("reads the day %s", (text, expected) => expect(resolveDateValue(text, NOW)).toEqual(expected));

  it.each([
    ["2025-06-15T11:00:00.000Z", "2025-06-15T11:00:00.000Z"],
    ["2025-06-15T11:00:00Z", "2025-06-15T11:00:00.000Z"],
    ["2025-06-15T11:00", "2025-06-15T11:00:00.000Z"],
    ["2025-06-15 11:00:00.5", "2025-06-15T11:00:00.500Z"],
    ["2025-06-15T13:00:00+02:00", "2025-06-15T11:00:00.000Z"],
    ["2025-06-15T01:30:00-0930", "2025-06-15T11:00:00.000Z"],
    ["2025-06-15T11:00:00.123456789Z", "2025-06-15T11:00:00.123Z"],
  ])("reads the timestamp %s as UTC %s", (text, iso) => expect(resolveDateValue(text, NOW)).toMatchObject({ kind: "instant", iso }));

  it.each([
    ["6 hours", NOW, "2025-06-15T06:00:00.000Z"],
    ["10 days", NOW, "2025-06-05T12:00:00.000Z"],
    ["2 weeks", NOW, "2025-06-01T12:00:00.000Z"],
    ["1 week ago", NOW, "2025-06-08T12:00:00.000Z"],
    ["30 minutes", NOW, "2025-06-15T11:30:00.000Z"],
    ["3 months", NOW, "2025-03-15T12:00:00.000Z"],
    ["1 Month", at("2025-03-31T08:00:00.000Z"), "2025-02-28T08:00:00.000Z"],
    ["1 month", at("2024-03-31T08:00:00.000Z"), "2024-02-29T08:00:00.000Z"],
    ["14 months", at("2025-01-15T00:00:00.000Z"), "2023-11-15T00:00:00.000Z"],
    ["1 year", at("2024-02-29T00:00:00.000Z"), "2023-02-28T00:00:00.000Z"],
  ])("reads %s before %s as %s", (text, now, iso) => expect(resolveDateValue(text, now)).toMatchObject({ kind: "instant", iso }));

  it.each(["yesterday", "2025-02-29", "2025-13-01", "2025-06-15T24:00:00Z", "2025-06-15T11:60", "3 fortnights", "-3 days", "2025/06/15", ""])(
    "refuses %j",
    (text) => expect(resolveDateValue(text, NOW)).toBeNull(),
  );
});
