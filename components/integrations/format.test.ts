import { describe, expect, it } from "vitest";
import { plural, rateLimitText, relativeTime } from "./format";

describe("format", () => {
  it("writes rate limits as a sentence", () => {
    expect(rateLimitText({ max: 20, unit: "second" })).toBe("20 calls per second per connector");
    expect(rateLimitText({ max: 1, unit: "minute" })).toBe("1 call per minute per connector");
  });

  it("pluralizes", () => {
    expect(plural(1, "problem")).toBe("1 problem");
    expect(plural(3, "problem")).toBe("3 problems");
    expect(plural(2, "dynamic schema")).toBe("2 dynamic schemas");
  });

  it("writes relative times", () => {
    const now = Date.parse("2025-01-10T12:00:00Z");
    expect(relativeTime("2025-01-10T11:59:50Z", now)).toBe("just now");
    expect(relativeTime("2025-01-10T11:55:00Z", now)).toBe("5 minutes ago");
    expect(relativeTime("2025-01-10T09:00:00Z", now)).toBe("3 hours ago");
    expect(relativeTime("2025-01-09T12:00:00Z", now)).toBe("yesterday");
    expect(relativeTime("not a date", now)).toBe("not a date");
  });
});
