import os from "node:os";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, nativeStackMb } from "./limits";
import { MAX_SANDBOX_THREADS, SandboxPool, sandboxThreadCount } from "./sandbox-pool";
import { type SessionInput } from "./sandbox-protocol";

const busy = (ms: number) => `(() => { const end = Date.now() + ${ms}; while (Date.now() < end); return ${ms} })()`;
const session = (codes: string[], limits = DEFAULT_LIMITS): SessionInput => ({ scopeJson: '{"nodes": {}}', codes, limits, budgetMs: 5_000, reusable: false });
const patient = { ...DEFAULT_LIMITS, timeoutMs: 5_000 };

const pool = new SandboxPool(nativeStackMb(DEFAULT_LIMITS.stackBytes), 2);

describe("SandboxPool", () => {
  it("is sized to the cores, at least 1 and at most 4", () => {
    expect(MAX_SANDBOX_THREADS).toBe(4);
    expect(sandboxThreadCount()).toBe(Math.min(4, Math.max(1, os.availableParallelism())));
  });

  it("spreads sessions over its threads: a long one does not hold up a short one", async () => {
    await pool.start(DEFAULT_LIMITS.memoryBytes);
    // Two at once start the second thread, so that starting it is not what the next two wait for.
    await Promise.all([pool.run(session([busy(50)])), pool.run(session([busy(50)]))]);
    expect(pool.threadCount).toBe(2);
    const finished: string[] = [];
    const long = pool.run(session([busy(600)], patient)).then((result) => finished.push("long") && result);
    const short = pool.run(session(["1 + 1"])).then((result) => finished.push("short") && result);
    await expect(Promise.all([long, short])).resolves.toStrictEqual([
      { kind: "done", values: ["600"] },
      { kind: "done", values: ["2"] },
    ]);
    expect(finished).toStrictEqual(["short", "long"]);
    expect(pool.threadCount).toBe(2);
  });

  it("queues sessions beyond its size and serves them all", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => pool.run(session([busy(20), String(index)]))));
    expect(results).toStrictEqual(Array.from({ length: 12 }, (_, index) => ({ kind: "done", values: ["20", String(index)] })));
    expect(pool.threadCount).toBeLessThanOrEqual(2);
  });

  it("kills a thread stuck in a native loop and replaces it", async () => {
    const started = Date.now();
    const stuck = await pool.run(session(["1", "Array.prototype.indexOf.call({ length: 1e15 }, 1)"]));
    expect(stuck).toStrictEqual({ kind: "failed", index: 1, outcome: { kind: "timeout" } });
    expect(Date.now() - started).toBeLessThan(5_000);
    const results = await Promise.all([pool.run(session(["'a'"])), pool.run(session(["'b'"]))]);
    expect(results).toStrictEqual([
      { kind: "done", values: ['"a"'] },
      { kind: "done", values: ['"b"'] },
    ]);
  });

  it("stops a native loop at the session's budget, by the same kill", async () => {
    const stuck = await pool.run({ ...session(["Array.prototype.indexOf.call({ length: 1e15 }, 1)"], patient), budgetMs: 200 });
    expect(stuck).toStrictEqual({ kind: "failed", index: 0, outcome: { kind: "budget" } });
  });
});
