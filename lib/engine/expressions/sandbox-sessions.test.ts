import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from "quickjs-emscripten";
import { beforeAll, describe, expect, it } from "vitest";
import { type SessionInput } from "./sandbox-protocol";
import { SandboxSessions } from "./sandbox-sessions";

// In-process, without the worker thread: what sessions reuse, and what they leave behind.
const memory = new WebAssembly.Memory({ initial: 256, maximum: 1024 });
let quickjs: QuickJSWASMModule;

beforeAll(async () => {
  quickjs = await newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory: memory }));
});

function session(codes: string[], overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    scopeJson: JSON.stringify({ nodes: { start: { n: 2 } } }),
    codes,
    limits: { timeoutMs: 100, memoryBytes: 32 * 1024 * 1024, stackBytes: 256 * 1024 },
    budgetMs: 5_000,
    reusable: false,
    ...overrides,
  };
}

const busy = (ms: number) => `(() => { const end = Date.now() + ${ms}; while (Date.now() < end); return 1 })()`;

describe("SandboxSessions", () => {
  it("runs the codes in order in one context and stops at the first failure", () => {
    const sessions = new SandboxSessions(quickjs);
    expect(sessions.run(session(["nodes.start.n", "undefined", "[1]"]))).toStrictEqual({ kind: "done", values: ["2", undefined, "[1]"] });
    expect(sessions.run(session(["(globalThis.seen = 1)", "seen + 1", "nodes.x.y", "1"]))).toStrictEqual({
      kind: "failed",
      index: 2,
      outcome: { kind: "thrown", detail: "TypeError: cannot read property 'y' of undefined" },
    });
  });

  it("stops the codes when the session's budget is spent", () => {
    const sessions = new SandboxSessions(quickjs);
    const result = sessions.run(session([busy(100), busy(100), busy(100), "1"], { limits: { ...session([]).limits, timeoutMs: 1_000 }, budgetMs: 250 }));
    expect(result).toMatchObject({ kind: "failed", outcome: { kind: "budget" } });
  });

  it("keeps one runtime, and a context only after code that leaves its globals untouched", () => {
    const sessions = new SandboxSessions(quickjs);
    sessions.run(session(["nodes.start.n > 1"], { reusable: true }));
    sessions.run(session(["nodes.start.n + 1"], { reusable: true }));
    expect(sessions.created).toStrictEqual({ runtimes: 1, contexts: 1 });
    sessions.run(session(["(Object.prototype.polluted = 1, 1)"]));
    expect(sessions.run(session(["({}).polluted"], { reusable: true }))).toStrictEqual({ kind: "done", values: [undefined] });
    // The impure session ran in the kept (still pristine) context, then the next one got a fresh one.
    expect(sessions.created).toStrictEqual({ runtimes: 1, contexts: 2 });
  });

  it("does not keep a context whose scope hid a builtin global", () => {
    const sessions = new SandboxSessions(quickjs);
    sessions.run(session(["JSON"], { reusable: true, scopeJson: '{"nodes": {}, "JSON": 1}' }));
    expect(sessions.run(session(["typeof JSON.stringify"], { reusable: true }))).toStrictEqual({ kind: "done", values: ['"function"'] });
    expect(sessions.created.contexts).toBe(2);
  });

  it("makes the next context ahead of time, and only when it will be needed", () => {
    const sessions = new SandboxSessions(quickjs);
    sessions.prepare();
    expect(sessions.created.contexts).toBe(1);
    sessions.run(session(["nodes.start.n"], { reusable: true }));
    sessions.prepare();
    expect(sessions.created.contexts).toBe(1);
    sessions.run(session(["[nodes.start.n].map((n) => n)"]));
    sessions.prepare();
    expect(sessions.created.contexts).toBe(2);
    expect(sessions.run(session(["nodes.start.n"]))).toStrictEqual({ kind: "done", values: ["2"] });
    expect(sessions.created.contexts).toBe(2);
  });

  it("replaces the runtime after a stop or queued promise jobs", () => {
    const sessions = new SandboxSessions(quickjs);
    sessions.run(session(["(() => { while (true) {} })()"]));
    sessions.run(session(["(Promise.resolve().then(() => 1), 1)"]));
    sessions.run(session(["1"]));
    expect(sessions.created).toStrictEqual({ runtimes: 3, contexts: 3 });
  });

  it("frees everything: 2000 sessions of every kind leave the WebAssembly memory as it was", () => {
    const sessions = new SandboxSessions(quickjs);
    const scopeJson = JSON.stringify({ nodes: { start: { list: Array.from({ length: 100 }, (_, index) => ({ index })) } } });
    // A time limit no busy machine reaches: a session stopped half-way allocates differently.
    const patient = { timeoutMs: 60_000, memoryBytes: 32 * 1024 * 1024, stackBytes: 256 * 1024 };
    const kinds = [
      session(["nodes.start.list.map((item) => item.index * 2)", "'x'.repeat(100000).length"], { scopeJson, limits: patient }),
      session(["nodes.start.list[3].index + 1", "nodes.start.list.length > 2"], { scopeJson, limits: patient, reusable: true }),
      session(["nodes.start.missing.x"], { scopeJson, limits: patient, reusable: true }),
      session(["() => 1"], { scopeJson, limits: patient }),
      session(["(async () => 1)()"], { scopeJson, limits: patient }),
    ];
    const run = (index: number) => {
      sessions.run(kinds[index % kinds.length]!);
      // As the worker does between sessions.
      sessions.prepare();
    };
    for (let index = 0; index < 100; index++) run(index);
    const warmed = memory.buffer.byteLength;
    for (let index = 0; index < 2000; index++) run(index);
    expect(memory.buffer.byteLength).toBe(warmed);
  });
});
