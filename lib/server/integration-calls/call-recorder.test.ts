import { afterEach, describe, expect, it, vi } from "vitest";
import type { NewIntegrationCall } from "@/lib/db";
import { createCallRecorder } from "./call-recorder";
import { captureCall } from "./capture-call";
import { redactCall } from "./redact-call";
import type * as RedactCallModule from "./redact-call";
import { makeObservedCall, makeOrigin } from "./testing/calls";

vi.mock("./redact-call", async (importOriginal) => {
  const actual = await importOriginal<typeof RedactCallModule>();
  return { ...actual, redactCall: vi.fn(actual.redactCall) };
});

const SECRET = "sk-recorder-secret-1";
const origin = makeOrigin({ apiKey: SECRET });
const call = (requestId: string) => captureCall(makeObservedCall({ requestId, responseBody: `{"echo":"${SECRET}"}` }));
const ids = (calls: readonly NewIntegrationCall[]) => calls.map((stored) => stored.requestId);

/** A store whose writes wait until `release` is called: a database that hangs. */
function hangingStore() {
  const batches: string[][] = [];
  let release = () => {};
  const store = {
    insertMany: async (calls: readonly NewIntegrationCall[]) => {
      batches.push(ids(calls));
      await new Promise<void>((resolve) => (release = resolve));
    },
  };
  return { store, batches, release: () => release() };
}

afterEach(() => vi.mocked(redactCall).mockClear());

describe("createCallRecorder", () => {
  it("writes the calls of a moment in one batch, redacted then, off the caller's path", async () => {
    const batches: NewIntegrationCall[][] = [];
    const recorder = createCallRecorder({ store: { insertMany: async (calls) => void batches.push([...calls]) }, flushDelayMs: 20 });
    recorder.record(call("a"), origin);
    recorder.record(call("b"), origin);
    expect(batches).toEqual([]);
    expect(redactCall).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 60));
    recorder.record(call("c"), origin);
    await recorder.flush(1_000);
    expect(batches.map(ids)).toEqual([["a", "b"], ["c"]]);
    expect(JSON.stringify(batches)).not.toContain(SECRET);
    expect(redactCall).toHaveBeenCalledTimes(3);
  });

  it("drops a batch it cannot write with one warning until writes work again, and never throws", async () => {
    const warnings: string[] = [];
    let down = true;
    const written: string[] = [];
    const recorder = createCallRecorder({
      store: {
        insertMany: async (calls) => {
          if (down) throw new Error("database is locked");
          written.push(...ids(calls));
        },
      },
      warn: (message) => warnings.push(message),
    });
    recorder.record(call("a"), origin);
    await recorder.flush(1_000);
    recorder.record(call("b"), origin);
    await recorder.flush(1_000);
    expect(warnings).toEqual(["[integration-calls] could not record 1 call(s) for the request inspector: database is locked"]);
    down = false;
    recorder.record(call("c"), origin);
    await recorder.flush(1_000);
    expect(written).toEqual(["c"]);
  });

  it("keeps one write in flight: while it hangs, the queue stays capped (oldest dropped, counted, one warning) and flush gives up in time", async () => {
    const { store, batches, release } = hangingStore();
    const warnings: string[] = [];
    const recorder = createCallRecorder({ store, flushDelayMs: 5, maxQueued: 2, warn: (message) => warnings.push(message) });
    recorder.record(call("a"), origin);
    await vi.waitFor(() => expect(batches).toEqual([["a"]]));
    for (const id of ["b", "c", "d", "e"]) recorder.record(call(id), origin);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // No second write started while the first hangs, and only the newest two wait.
    expect(batches).toEqual([["a"]]);
    expect(recorder.dropped).toBe(2);
    expect(warnings).toEqual(["[integration-calls] the request inspector's queue is full: dropping the oldest calls until writes catch up"]);
    const started = performance.now();
    await recorder.flush(100);
    expect(performance.now() - started).toBeLessThan(1_000);
    release();
    await vi.waitFor(() => expect(batches).toEqual([["a"], ["d", "e"]]));
    release();
    await recorder.flush(1_000);
  });

  it("never writes nor logs a call it could not redact", async () => {
    const warnings: string[] = [];
    const written: string[] = [];
    const recorder = createCallRecorder({ store: { insertMany: async (calls) => void written.push(...ids(calls)) }, warn: (message) => warnings.push(message) });
    const broken = makeOrigin({
      get apiKey(): string {
        throw new Error(`cannot read ${SECRET}`);
      },
    });
    recorder.record(call("broken"), broken);
    recorder.record(call("fine"), origin);
    await recorder.flush(1_000);
    expect(written).toEqual(["fine"]);
    expect(warnings).toEqual(["[integration-calls] could not redact 1 call(s); they were not recorded"]);
  });
});
