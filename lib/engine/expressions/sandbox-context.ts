import {
  shouldInterruptAfterDeadline,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from "quickjs-emscripten";
import { type SandboxLimits, type SegmentOutcome } from "./sandbox-protocol";

/**
 * Helpers defined inside the sandbox before any expression runs, so they hold the original
 * intrinsics. They talk to the host only through strings: `install` takes the scope as JSON,
 * `toResult` answers "u" (undefined), "j<json>" or "x<what could not be converted>", and
 * `describe` turns a thrown value into "Name: message".
 */
const HELPERS = `(() => {
  const { parse, stringify } = JSON;
  const defineProperty = Object.defineProperty;
  const keys = Object.keys;
  const NativePromise = Promise;
  const NativeString = String;
  const NativeTypeError = TypeError;
  const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const install = (scopeJson) => {
    const scope = parse(scopeJson);
    for (const key of keys(scope)) {
      if (key === "__proto__" || !identifier.test(key)) continue;
      defineProperty(globalThis, key, { value: scope[key], writable: true, enumerable: false, configurable: true });
    }
  };
  const unserializable = (value) => {
    const type = typeof value;
    if (type === "function" || type === "symbol" || type === "bigint") return "a " + type;
    if (value instanceof NativePromise) return "a Promise";
    return null;
  };
  const toResult = (value) => {
    if (value === undefined) return "u";
    const problem = unserializable(value);
    if (problem !== null) return "x" + problem;
    let nested = null;
    let json;
    try {
      json = stringify(value, (key, item) => {
        const found = unserializable(item);
        if (found !== null && nested === null) nested = found + " (property " + stringify(NativeString(key)) + ")";
        return item;
      });
    } catch (error) {
      if (error instanceof NativeTypeError) return "xdata that cannot be written as JSON (" + NativeString(error.message) + ")";
      throw error;
    }
    return nested === null ? "j" + json : "x" + nested;
  };
  const describe = (error) => {
    try {
      if (error !== null && typeof error === "object" && "message" in error) {
        const name = error.name === undefined ? "Error" : error.name;
        return NativeString(name) + ": " + NativeString(error.message);
      }
      return NativeString(error);
    } catch {
      return "an error that could not be read";
    }
  };
  return [install, toResult, describe];
})()`;

/** Longest error detail passed on; a thrown 10 MB string helps nobody. */
const MAX_DETAIL_LENGTH = 500;
/** Room granted on top of the limit while reading an error, so an exhausted heap can still say why. */
const ERROR_READING_HEADROOM = 1024 * 1024;
const MEMORY_ERRORS = new Set(["InternalError: out of memory", "InternalError: string too long"]);
/** QuickJS reports a full stack from the interpreter, the parser (`Function(deeplyNestedSource)`) or JSON.parse alike. */
const STACK_ERRORS = /^(InternalError|SyntaxError|RangeError): (stack overflow|Maximum call stack size exceeded)$/;

/**
 * One QuickJS runtime and context holding one scope: the session in which a config's expressions
 * run. No host function is ever exposed to it; values cross as JSON text only.
 */
export class SandboxContext {
  private interrupted = false;

  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly vm: QuickJSContext,
    private readonly toResult: QuickJSHandle,
    private readonly describe: QuickJSHandle,
    private readonly limits: SandboxLimits,
    private readonly memoryLimit: number,
  ) {}

  /**
   * Creates the runtime and defines every scope key as a global. QuickJS's memory limit counts
   * every allocation as 8 bytes under Emscripten (it cannot read allocation sizes there), so it
   * stops single oversized allocations and runaway counts; the thread's WebAssembly memory
   * ceiling (sandbox-host.ts) bounds the rest.
   */
  static open(module: QuickJSWASMModule, scopeJson: string, limits: SandboxLimits): SandboxContext {
    // A context made by the module owns its runtime: disposing it frees both.
    const vm = module.newContext();
    const runtime = vm.runtime;
    const memoryLimit = limits.memoryBytes + 3 * scopeJson.length;
    runtime.setMaxStackSize(limits.stackBytes);
    runtime.setMemoryLimit(memoryLimit);
    const helpers = vm.unwrapResult(vm.evalCode(HELPERS, "helpers.js", { type: "global" }));
    const [install, toResult, describe] = [0, 1, 2].map((index) => vm.getProp(helpers, index)) as [QuickJSHandle, QuickJSHandle, QuickJSHandle];
    helpers.dispose();
    const scope = vm.newString(scopeJson);
    vm.unwrapResult(vm.callFunction(install, vm.undefined, scope)).dispose();
    scope.dispose();
    install.dispose();
    return new SandboxContext(runtime, vm, toResult, describe, limits, memoryLimit);
  }

  /** Runs one expression (already known to be a single JavaScript expression) within the limits. */
  evaluate(code: string): SegmentOutcome {
    this.interrupted = false;
    const due = shouldInterruptAfterDeadline(Date.now() + this.limits.timeoutMs);
    this.runtime.setInterruptHandler((runtime) => {
      if (!due(runtime)) return false;
      this.interrupted = true;
      return true;
    });
    // The line breaks keep a trailing `// comment` from swallowing the closing parenthesis.
    const evaluated = this.vm.evalCode(`(\n${code}\n)`, "expression.js", { type: "global" });
    if (evaluated.error) return this.failure(evaluated.error);
    const converted = this.vm.callFunction(this.toResult, this.vm.undefined, evaluated.value);
    evaluated.value.dispose();
    if (converted.error) return this.failure(converted.error);
    const answer = this.readString(converted.value);
    converted.value.dispose();
    if (answer === "u") return { kind: "value", json: undefined };
    if (answer?.startsWith("j")) return { kind: "value", json: answer.slice(1) };
    return { kind: "unserializable", detail: truncate(answer?.slice(1) ?? "a value that could not be read") };
  }

  dispose(): void {
    this.runtime.removeInterruptHandler();
    this.toResult.dispose();
    this.describe.dispose();
    this.vm.dispose();
  }

  private failure(error: QuickJSHandle): SegmentOutcome {
    try {
      if (this.interrupted) return { kind: "timeout" };
      this.runtime.setMemoryLimit(this.memoryLimit + ERROR_READING_HEADROOM);
      const described = this.vm.callFunction(this.describe, this.vm.undefined, error);
      this.runtime.setMemoryLimit(this.memoryLimit);
      if (this.interrupted) return { kind: "timeout" };
      const detail = described.error ? undefined : this.readString(described.value);
      described.dispose();
      if (detail === undefined) return { kind: "memory" };
      if (MEMORY_ERRORS.has(detail)) return { kind: "memory" };
      if (STACK_ERRORS.test(detail)) return { kind: "stack" };
      return { kind: "thrown", detail: truncate(detail) };
    } finally {
      error.dispose();
    }
  }

  private readString(handle: QuickJSHandle): string | undefined {
    return this.vm.typeof(handle) === "string" ? this.vm.getString(handle) : undefined;
  }
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}
