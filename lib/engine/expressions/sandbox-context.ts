// Relative: this file runs in the sandbox worker thread, loaded without the "@/" alias.
import { clipEnd } from "../../contract/clip-text";
import { shouldInterruptAfterDeadline, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from "quickjs-emscripten";
import { type SandboxLimits, type SegmentFailure, type SegmentOutcome } from "./sandbox-protocol";

/**
 * Helpers defined inside the sandbox before any expression runs, so they hold the original
 * intrinsics. They talk to the host only through strings: `install` takes the scope as JSON (and
 * removes the previous session's globals first), answering whether a scope key replaced a builtin
 * global; `toResult` answers "u" (undefined), "j<json>" or "x<what could not be converted>", and
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
  let installed = [];
  const install = (scopeJson) => {
    for (const key of installed) delete globalThis[key];
    installed = [];
    const scope = parse(scopeJson);
    let replacedBuiltin = false;
    for (const key of keys(scope)) {
      if (key === "__proto__" || !identifier.test(key)) continue;
      if (key in globalThis) replacedBuiltin = true;
      defineProperty(globalThis, key, { value: scope[key], writable: true, enumerable: false, configurable: true });
      installed[installed.length] = key;
    }
    return replacedBuiltin;
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
 * One QuickJS context on a runtime, holding one session's scope: where a config's expressions
 * run. No host function is ever exposed to it; values cross as JSON text only. A context can take
 * in another scope for the next session (sandbox-sessions.ts decides when that is safe).
 */
export class SandboxContext {
  private interrupted = false;
  private memoryLimit = 0;

  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly vm: QuickJSContext,
    private readonly installer: QuickJSHandle,
    private readonly toResult: QuickJSHandle,
    private readonly describe: QuickJSHandle,
  ) {}

  /** A fresh context (fresh intrinsics and global object) on the runtime, with the helpers defined. */
  static create(runtime: QuickJSRuntime): SandboxContext {
    const vm = runtime.newContext();
    const helpers = vm.unwrapResult(vm.evalCode(HELPERS, "helpers.js", { type: "global" }));
    const [install, toResult, describe] = [0, 1, 2].map((index) => vm.getProp(helpers, index)) as [QuickJSHandle, QuickJSHandle, QuickJSHandle];
    helpers.dispose();
    return new SandboxContext(runtime, vm, install, toResult, describe);
  }

  /**
   * Sets the session's limits and defines every scope key as a global, in place of the previous
   * session's. QuickJS's memory limit counts every allocation as 8 bytes under Emscripten (it
   * cannot read allocation sizes there), so it stops single oversized allocations and runaway
   * counts; the thread's WebAssembly memory ceiling (sandbox-pool.ts) bounds the rest. Answers
   * whether a scope key replaced a builtin global (which the next session could not get back),
   * or why the scope could not go in.
   */
  install(scopeJson: string, limits: SandboxLimits): { replacedBuiltin: boolean } | SegmentFailure {
    this.runtime.removeInterruptHandler();
    this.interrupted = false;
    this.memoryLimit = limits.memoryBytes + 3 * scopeJson.length;
    this.runtime.setMaxStackSize(limits.stackBytes);
    this.runtime.setMemoryLimit(this.memoryLimit);
    const scope = this.vm.newString(scopeJson);
    const installed = this.vm.callFunction(this.installer, this.vm.undefined, scope);
    scope.dispose();
    if (installed.error) return this.failure(installed.error);
    const replacedBuiltin = this.vm.dump(installed.value) === true;
    installed.value.dispose();
    return { replacedBuiltin };
  }

  /** Runs one expression (already known to be a single JavaScript expression), stopping it at `deadline` (ms since the epoch). */
  evaluate(code: string, deadline: number): SegmentOutcome {
    this.interrupted = false;
    const due = shouldInterruptAfterDeadline(deadline);
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

  /** Frees the context; its runtime stays, for the next context. */
  dispose(): void {
    this.runtime.removeInterruptHandler();
    this.installer.dispose();
    this.toResult.dispose();
    this.describe.dispose();
    this.vm.dispose();
  }

  private failure(error: QuickJSHandle): SegmentFailure {
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
  return clipEnd(text, MAX_DETAIL_LENGTH);
}
