import { describe, expect, it } from "vitest";
import type { NewIntegrationCall } from "@/lib/db";
import { createCallRecorder } from "./call-recorder";

const call = (requestId: string) => ({ requestId }) as NewIntegrationCall;

describe("createCallRecorder", () => {
  it("writes the calls of a moment in one batch, off the caller's path", async () => {
    const batches: string[][] = [];
    const recorder = createCallRecorder({ store: { insertMany: async (calls) => void batches.push(calls.map((c) => c.requestId)) }, flushDelayMs: 20 });
    recorder.record(call("a"));
    recorder.record(call("b"));
    expect(batches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    recorder.record(call("c"));
    await recorder.flush();
    expect(batches).toEqual([["a", "b"], ["c"]]);
  });

  it("drops a batch it cannot write with one warning until writes work again, and never throws", async () => {
    const warnings: string[] = [];
    let down = true;
    const written: string[] = [];
    const recorder = createCallRecorder({
      store: {
        insertMany: async (calls) => {
          if (down) throw new Error("database is locked");
          written.push(...calls.map((c) => c.requestId));
        },
      },
      warn: (message) => warnings.push(message),
    });
    recorder.record(call("a"));
    await recorder.flush();
    recorder.record(call("b"));
    await recorder.flush();
    expect(warnings).toEqual(["[integration-calls] could not record 1 call(s) for the request inspector: database is locked"]);
    down = false;
    recorder.record(call("c"));
    await recorder.flush();
    expect(written).toEqual(["c"]);
  });

  it("keeps only the newest calls while writes wait", async () => {
    const written: string[] = [];
    const recorder = createCallRecorder({ store: { insertMany: async (calls) => void written.push(...calls.map((c) => c.requestId)) }, maxQueued: 2 });
    for (const id of ["a", "b", "c"]) recorder.record(call(id));
    await recorder.flush();
    expect(written).toEqual(["b", "c"]);
  });
});
