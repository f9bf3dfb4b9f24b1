import { describe, expect, it } from "vitest";
import { UnreachableError } from "./api-client";
import { CliError } from "./output";
import { exitCodeOf, isFinished, waitUntilFinished, type WaitOptions } from "./wait";

/** A clock that moves only when the waiting sleeps, so retry windows pass instantly. */
function fakeTime(intervalMs: number): WaitOptions & { slept: number[] } {
  let clock = 0;
  const slept: number[] = [];
  return { intervalMs, slept, now: () => clock, sleep: async (ms) => void (slept.push(ms), (clock += ms)) };
}

/** A poll that answers the given steps in order: a status, or an error to throw. */
function polls(...steps: (string | Error)[]) {
  let calls = 0;
  const get = async () => {
    const step = steps[Math.min(calls++, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    return { run: { status: step, n: calls } };
  };
  return { get, calls: () => calls };
}

const badGateway = () => new CliError("GET /orchestration/runs/r1 failed: HTTP 502 Bad Gateway", { errorMessage: "HTTP 502", status: 502 });
const refused = () => new UnreachableError("Could not reach Relay at http://relay: connect ECONNREFUSED", "ECONNREFUSED");

describe("waitUntilFinished", () => {
  it("polls at the interval until a terminal status, and answers that last answer", async () => {
    const time = fakeTime(250);
    const answer = await waitUntilFinished(polls("pending", "running", "running", "success").get, (body) => body.run, time);
    expect(answer).toEqual({ run: { status: "success", n: 4 } });
    expect(time.slept).toEqual([250, 250, 250]);
  });

  it("rides out 502s and refused connections (a redeploy) at the polling interval", async () => {
    const time = fakeTime(1000);
    const answer = await waitUntilFinished(polls("running", badGateway(), refused(), badGateway(), "running", refused(), "error").get, (body) => body.run, time);
    expect(answer).toEqual({ run: { status: "error", n: 7 } });
    expect(time.slept).toEqual(Array(6).fill(1000));
  });

  it("gives up once transient failures have lasted the retry window, saying for what and why", async () => {
    const time = { ...fakeTime(1000), retryWindowMs: 10_000, subject: "batch b1" };
    const poll = polls("running", badGateway());
    await expect(waitUntilFinished(poll.get, (body) => body.run, time)).rejects.toMatchObject({
      message: "Stopped waiting for batch b1: Relay kept failing for 10 s (last: GET /orchestration/runs/r1 failed: HTTP 502 Bad Gateway); it goes on without the CLI",
      body: { status: 502 },
    });
    expect(poll.calls()).toBe(12);
  });

  it("starts the window again after a poll that succeeds", async () => {
    const time = { ...fakeTime(1000), retryWindowMs: 3000 };
    const steps = [badGateway(), badGateway(), badGateway(), "running", badGateway(), badGateway(), badGateway(), "success"];
    expect(await waitUntilFinished(polls(...steps).get, (body) => body.run, time)).toEqual({ run: { status: "success", n: 8 } });
  });

  it("stops at once on a failure that asking again will not fix", async () => {
    const notFound = new CliError("No run with uuid r1", { errorMessage: "No run with uuid r1", status: 404 });
    const poll = polls("running", notFound);
    await expect(waitUntilFinished(poll.get, (body) => body.run, fakeTime(1000))).rejects.toBe(notFound);
    expect(poll.calls()).toBe(2);
    const unknownHost = new UnreachableError("Could not reach Relay at http://nope: getaddrinfo ENOTFOUND nope", "ENOTFOUND");
    await expect(waitUntilFinished(polls(unknownHost).get, (body) => body.run, fakeTime(1000))).rejects.toBe(unknownHost);
  });

  it("treats success, error and cancelled as ended, and nothing else", () => {
    expect(["success", "error", "cancelled"].map((status) => isFinished({ status }))).toEqual([true, true, true]);
    expect(["pending", "running", "whatever"].map((status) => isFinished({ status }))).toEqual([false, false, false]);
  });

  it("makes an ended run or batch exit 0 on success and 2 on error or cancelled", () => {
    expect(["success", "error", "cancelled"].map((status) => exitCodeOf({ status }))).toEqual([0, 2, 2]);
  });
});
