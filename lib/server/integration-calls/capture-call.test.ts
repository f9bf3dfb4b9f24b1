import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { CAPTURED_BODY_CHARS, captureCall } from "./capture-call";
import { makeObservedCall } from "./testing/calls";

/** The heap in use after a full collection; `--expose-gc` is switched on here so no flag is needed. */
function heapAfterGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = (globalThis.gc ?? vm.runInNewContext("gc")) as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("captureCall", () => {
  it("keeps a short body as it is, and only the start of a long one, with the whole size", () => {
    const short = captureCall(makeObservedCall({ responseBody: '{"ok":true}' }));
    expect(short.responseBody).toEqual({ text: '{"ok":true}', cut: false, bytes: 11 });
    const long = captureCall(makeObservedCall({ requestBody: null, responseBody: "é".repeat(200_000) }));
    expect(long.requestBody).toBeNull();
    expect(long.responseBody).toEqual({ text: "é".repeat(CAPTURED_BODY_CHARS), cut: true, bytes: 400_000 });
  });

  it("holds a copy of a long body's start, not the whole answer it was cut from", () => {
    const before = heapAfterGc();
    const kept = Array.from({ length: 40 }, (_, index) => {
      // 5 MB answers, each a string of its own (a repeat would share one).
      const answer = `${index}`.padEnd(5 * 1024 * 1024, "x");
      return captureCall(makeObservedCall({ responseBody: answer, responseBytes: answer.length }));
    });
    const growth = heapAfterGc() - before;
    // 40 heads of 80 KB are 3 MB; kept as slices, they would hold 200 MB of answers.
    expect(growth, `heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`).toBeLessThan(30 * 1024 * 1024);
    expect(kept.every((call) => call.responseBody!.cut)).toBe(true);
  });
});
