import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from "quickjs-emscripten";
import { beforeAll, describe, expect, it } from "vitest";
import { SandboxContext } from "./sandbox-context";
import { type SandboxLimits } from "./sandbox-protocol";

// In-process, without the worker thread: what a context does on the QuickJS module it runs in.
const limits: SandboxLimits = { timeoutMs: 100, memoryBytes: 32 * 1024 * 1024, stackBytes: 256 * 1024 };
const memory = new WebAssembly.Memory({ initial: 256, maximum: 1024 });
let quickjs: QuickJSWASMModule;

beforeAll(async () => {
  quickjs = await newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory: memory }));
});

function withContext<T>(work: (context: SandboxContext) => T): T {
  const runtime = quickjs.newRuntime();
  const context = SandboxContext.create(runtime);
  try {
    return work(context);
  } finally {
    context.dispose();
    runtime.dispose();
  }
}

const soon = () => Date.now() + limits.timeoutMs;

describe("SandboxContext", () => {
  it("answers values as JSON text and failures by kind", () => {
    withContext((context) => {
      expect(context.install(JSON.stringify({ nodes: { start: { n: 2 } } }), limits)).toStrictEqual({ replacedBuiltin: false });
      expect(context.evaluate("nodes.start.n * 2", soon())).toStrictEqual({ kind: "value", json: "4" });
      expect(context.evaluate("undefined", soon())).toStrictEqual({ kind: "value", json: undefined });
      expect(context.evaluate("nodes.start.x.y", soon())).toStrictEqual({ kind: "thrown", detail: "TypeError: cannot read property 'y' of undefined" });
      expect(context.evaluate("() => 1", soon())).toStrictEqual({ kind: "unserializable", detail: "a function" });
      expect(context.evaluate("(() => { while (true) {} })()", soon())).toStrictEqual({ kind: "timeout" });
      expect(context.evaluate("(function f() { return f() })()", soon())).toStrictEqual({ kind: "stack" });
      expect(context.evaluate("new ArrayBuffer(1e8)", soon())).toStrictEqual({ kind: "memory" });
      expect(context.evaluate("nodes.start.n", soon())).toStrictEqual({ kind: "value", json: "2" });
    });
  });

  it("replaces the previous scope's globals when it takes in the next scope, and says when a key hides a builtin", () => {
    withContext((context) => {
      context.install(JSON.stringify({ nodes: { a: 1 }, parentNodes: { b: 2 } }), limits);
      expect(context.evaluate("parentNodes.b", soon())).toStrictEqual({ kind: "value", json: "2" });
      // The stopped code's deadline has passed: the next install must not be interrupted by it.
      expect(context.evaluate("(() => { while (true) {} })()", Date.now() + 10)).toStrictEqual({ kind: "timeout" });
      const big = { c: 3, list: Array.from({ length: 50_000 }, (_, index) => ({ index })) };
      expect(context.install(JSON.stringify({ nodes: big }), limits)).toStrictEqual({ replacedBuiltin: false });
      expect(context.evaluate("nodes.list.length", soon())).toStrictEqual({ kind: "value", json: "50000" });
      context.install(JSON.stringify({ nodes: { c: 3 } }), limits);
      expect(context.evaluate("[nodes, typeof parentNodes]", soon())).toStrictEqual({ kind: "value", json: '[{"c":3},"undefined"]' });
      expect(context.install(JSON.stringify({ nodes: {}, JSON: 1 }), limits)).toStrictEqual({ replacedBuiltin: true });
    });
  });

  it("has Object.prototype names the host's fast path knows (read-member-path.ts leaves those to the sandbox)", () => {
    withContext((context) => {
      context.install("{}", limits);
      const names = context.evaluate("Object.getOwnPropertyNames(Object.prototype).sort()", soon());
      expect(names).toStrictEqual({ kind: "value", json: JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) });
    });
  });
});
