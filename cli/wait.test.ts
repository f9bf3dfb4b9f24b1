import { describe, expect, it } from "vitest";
import { isFinished, waitUntilFinished } from "./wait";

describe("waitUntilFinished", () => {
  it("polls at the interval until a terminal status, and answers that last answer", async () => {
    const statuses = ["pending", "running", "running", "success"];
    const slept: number[] = [];
    let calls = 0;
    const answer = await waitUntilFinished(async () => ({ run: { status: statuses[calls++]!, n: calls } }), (body) => body.run, {
      intervalMs: 250,
      sleep: async (ms) => void slept.push(ms),
    });
    expect(answer).toEqual({ run: { status: "success", n: 4 } });
    expect(slept).toEqual([250, 250, 250]);
  });

  it("treats success, error and cancelled as ended, and nothing else", () => {
    expect(["success", "error", "cancelled"].map((status) => isFinished({ status }))).toEqual([true, true, true]);
    expect(["pending", "running", "whatever"].map((status) => isFinished({ status }))).toEqual([false, false, false]);
  });
});
