import { describe, expect, it } from "vitest";
import type { ManifestExtractor } from "@/lib/contract";
import { formatInterval, syncIntervalOf } from "./format";

const extractor = (mode: ManifestExtractor["mode"]) => ({ mode }) as ManifestExtractor;

describe("the sync interval", () => {
  it("is the extractor's shortest interval, an hour when it gives none, and never under a minute", () => {
    expect(syncIntervalOf(extractor({ kind: "fetch", isIncremental: true, minIntervalInSeconds: 300 }))).toBe(300);
    expect(syncIntervalOf(extractor({ kind: "fetch", isIncremental: false }))).toBe(3600);
    expect(syncIntervalOf(extractor({ kind: "fetch", isIncremental: false, minIntervalInSeconds: 5 }))).toBe(60);
    expect(syncIntervalOf(extractor({ kind: "ingest" }))).toBeNull();
  });

  it.each([
    [60, "minute"],
    [300, "5 minutes"],
    [3600, "hour"],
    [7200, "2 hours"],
  ])("reads %i seconds as every %s", (seconds, text) => expect(formatInterval(seconds)).toBe(text));
});
