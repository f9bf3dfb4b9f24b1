import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from "quickjs-emscripten";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxContext } from "./sandbox-context";
import { type SandboxLimits } from "./sandbox-protocol";

// In-process, without the worker thread: what a session does to the QuickJS module it runs in.
const limits: SandboxLimits = { timeoutMs: 100, memoryBytes: 32 * 1024 * 1024, stackBytes: 256 * 1024 };
const memory = new WebAssembly.Memory({ initial: 256, maximum: 1024 });
let quickjs: QuickJSWASMModule;

beforeAll(async () => {
  quickjs = await newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory: memory }));
});

function session<T>(scope: unknown, work: (context: SandboxContext) => T, sessionLimits = limits): T {
  const context = SandboxContext.open(quickjs, JSON.stringify(scope), sessionLimits);
  try {
    return work(context);
  } finally {
    context.dispose();
  }
}

describe("SandboxContext", () => {
  it("answers values as JSON text and failures by kind", () => {
    session({ nodes: { start: { n: 2 } } }, (context) => {
      expect(context.evaluate("nodes.start.n * 2")).toStrictEqual({ kind: "value", json: "4" });
      expect(context.evaluate("undefined")).toStrictEqual({ kind: "value", json: undefined });
      expect(context.evaluate("nodes.start.x.y")).toStrictEqual({ kind: "thrown", detail: "TypeError: cannot read property 'y' of undefined" });
      expect(context.evaluate("() => 1")).toStrictEqual({ kind: "unserializable", detail: "a function" });
      expect(context.evaluate("(() => { while (true) {} })()")).toStrictEqual({ kind: "timeout" });
      expect(context.evaluate("(function f() { return f() })()")).toStrictEqual({ kind: "stack" });
      expect(context.evaluate("new ArrayBuffer(1e8)")).toStrictEqual({ kind: "memory" });
      expect(context.evaluate("nodes.start.n")).toStrictEqual({ kind: "value", json: "2" });
    });
  });

  it("frees everything it allocates: 2000 sessions leave the WebAssembly memory as it was", () => {
    // A time limit no busy machine reaches: a session stopped half-way allocates differently.
    const patient = { ...limits, timeoutMs: 60_000 };
    const scope = { nodes: { start: { list: Array.from({ length: 100 }, (_, index) => ({ index })) } } };
    const run = () =>
      session(
        scope,
        (context) => {
          context.evaluate("nodes.start.list.map((item) => item.index * 2)");
          context.evaluate("'x'.repeat(100000).length");
          context.evaluate("nodes.start.missing.x");
          context.evaluate("() => 1");
        },
        patient,
      );
    for (let index = 0; index < 100; index++) run();
    const warmed = memory.buffer.byteLength;
    for (let index = 0; index < 2000; index++) run();
    expect(memory.buffer.byteLength).toBe(warmed);
  });
});
