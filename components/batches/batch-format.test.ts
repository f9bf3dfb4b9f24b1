import { describe, expect, it } from "vitest";
import { batchProgress, formatRate } from "./batch-format";

const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, seconds)).toISOString();

describe("batch progress", () => {
  it("rates the runs ended over the time so far and estimates the rest at that rate", () => {
    const progress = batchProgress({ runsCount: 100, executedRunsCount: 20, failedRunsCount: 2, createdAt: at(0), finishedAt: null, status: "running" }, Date.parse(at(10)));
    expect(progress).toMatchObject({ total: 100, done: 20, failed: 2, succeeded: 18, elapsedMs: 10_000, perSecond: 2, leftMs: 40_000 });
  });

  it("has no rate or estimate before a run has ended, and no estimate once finished", () => {
    expect(batchProgress({ runsCount: 5, executedRunsCount: 0, failedRunsCount: 0, createdAt: at(0), finishedAt: null, status: "pending" }, Date.parse(at(3)))).toMatchObject({
      perSecond: null,
      leftMs: null,
    });
    const finished = batchProgress({ runsCount: 5, executedRunsCount: 5, failedRunsCount: 1, createdAt: at(0), finishedAt: at(2), status: "success" }, Date.parse(at(60)));
    expect(finished).toMatchObject({ elapsedMs: 2000, perSecond: 2.5, leftMs: null });
  });

  it("formats a rate", () => {
    expect([formatRate(null), formatRate(42.4), formatRate(2.5), formatRate(0.01)]).toEqual(["—", "42/s", "2.5/s", "0.6/min"]);
  });
});
