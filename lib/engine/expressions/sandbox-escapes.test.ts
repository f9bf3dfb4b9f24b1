import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createExpressionEvaluator, ExpressionError, type ExpressionEvaluator } from ".";

// Known escapes from n8n's expression sandbox (CVE-2025-68613 and the bypasses of its first fix),
// and the classic ones for JavaScript sandboxes. Each must fail with an ExpressionError or give a
// harmless value, and none may reach the host: Node's `process`, its globals, its prototypes.
const scope = { nodes: { start: { email: "ada@acme.example" } } };
const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

let expressions: ExpressionEvaluator;
/** Time enough that memory and stack limits, not the clock, stop what they should stop. */
let patient: ExpressionEvaluator;
const host = globalThis as Record<string, unknown>;

beforeAll(async () => {
  expressions = await createExpressionEvaluator();
  patient = await createExpressionEvaluator({ timeoutMs: 10_000 });
});

afterEach(() => {
  expect(host.__pwned).toBeUndefined();
  expect(host.polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).x).toBeUndefined();
});

/** Evaluates `{{ code }}`: the value it gave, or the ExpressionError it threw (anything else fails the test). */
async function attempt(code: string, evaluator = expressions): Promise<{ value?: unknown; error?: ExpressionError }> {
  try {
    return { value: await evaluator.evaluateValue(template(`{{ ${code} }}`), scope) };
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return { error: error as ExpressionError };
  }
}

/** Whether `needle` appears anywhere inside `value`. */
function contains(value: unknown, needle: unknown): boolean {
  if (Object.is(value, needle)) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some((item) => contains(item, needle));
}

function expectHarmless(outcome: { value?: unknown; error?: ExpressionError }): void {
  if (outcome.error) return;
  expect(contains(outcome.value, process.pid)).toBe(false);
  expect(JSON.stringify(outcome.value) ?? "").not.toMatch(/node_modules|\/work\/|v\d+\.\d+\.\d+/);
}

describe("sandbox escapes", () => {
  it.each([
    ["the function's own `this` (CVE-2025-68613)", "(function(){ return this })().process.pid"],
    ["the function's own `this`, by itself", "(function(){ return this })().process"],
    ["this.constructor.constructor", "this.constructor.constructor('return process')().pid"],
    ["a template-literal constructor call (bypass of n8n's first fix)", "(() => {}).constructor`return process`().pid"],
    ["Function as a template tag", "Function`return this```.process"],
    ["a constructor reached through a string method", "''.sub.constructor('return this')().process.pid"],
    ["an async function's constructor", "Object.getPrototypeOf(async function(){}).constructor('return process')()"],
    ["a generator's constructor", "Object.getPrototypeOf(function*(){}).constructor('return process')().next()"],
    ["this.process", "this.process.pid"],
    ["globalThis.process", "globalThis.process.pid"],
    ["require", "require('child_process').execSync('id')"],
    ["module.require", "module.require('fs')"],
    ["dynamic import", "import('fs')"],
    ["dynamic import, awaited", "import('node:child_process').then((cp) => cp.execSync('id'))"],
    ["eval of host names", "eval('process.pid')"],
    ["indirect eval", "(0, eval)('this').process.pid"],
    ["Error.prepareStackTrace", "(() => { Error.prepareStackTrace = (e, frames) => frames[0].getThis(); return new Error().stack.process.pid })()"],
    ["Error.captureStackTrace", "(() => { const o = {}; Error.captureStackTrace(o); return o.stack })()"],
    ["Symbol.unscopables with `with`", "(function(){ with (Object.create(null, { [Symbol.unscopables]: { value: {} } })) { return typeof process + typeof require } })()"],
    ["`with` on the global object", "(function(){ with (globalThis) { return [typeof process, typeof require, typeof Buffer] } })()"],
    ["Node globals", "[typeof process, typeof require, typeof module, typeof Buffer, typeof setTimeout, typeof fetch, typeof console, typeof WebAssembly]"],
    ["the sandbox's global names", "Object.getOwnPropertyNames(globalThis).filter((name) => /process|require|Buffer|fetch|std|os/.test(name))"],
    ["a Proxy over the global object", "new Proxy(globalThis, { get: (t, k) => t[k] }).process.pid"],
    ["arguments.callee.caller", "(function f(){ return arguments.callee.caller })()"],
    ["a getter's receiver", "(() => { Object.defineProperty(Object.prototype, 'leak', { get() { return this }, configurable: true }); return nodes.leak.process })()"],
  ])("%s", async (_name, code) => {
    expectHarmless(await attempt(code));
  });

  it("gives nothing from Node for the vector's escape attempt", async () => {
    const outcome = await attempt("this.constructor.constructor('return process')().pid");
    expect(outcome.error?.message).toMatch(/failed: ReferenceError: 'process' is not defined/);
  });

  it("defines nothing in Node's global scope", async () => {
    for (const code of ["(globalThis.__pwned = 1)", "(function(){ this.__pwned = 1; return 1 })()", "Function('__pwned = 1')()", "eval('var __pwned = 1')"]) {
      expectHarmless(await attempt(code));
    }
    expect(host.__pwned).toBeUndefined();
    await expect(expressions.evaluateValue(template("{{ typeof __pwned }}"), scope)).resolves.toBe("undefined");
  });

  it("keeps prototype pollution inside the one evaluation", async () => {
    await expect(expressions.evaluateValue(template("{{ (Object.prototype.polluted = 1, ({}).polluted) }}"), scope)).resolves.toBe(1);
    await expect(expressions.evaluateValue(template("{{ ({}).polluted }}"), scope)).resolves.toBeUndefined();
    await expect(expressions.evaluateValue(template("{{ (Array.prototype.map = () => 'hijacked', 1) }}"), scope)).resolves.toBe(1);
    await expect(expressions.evaluateValue(template("{{ [1, 2].map((n) => n * 2) }}"), scope)).resolves.toStrictEqual([2, 4]);
    expect([1, 2].map((n) => n * 2)).toStrictEqual([2, 4]);
  });

  it("starts every evaluation from the current scope only, also in a context that served harmless code before", async () => {
    const js = (expression: string) => ({ kind: "jsExpression", expression });
    const secret = { nodes: { start: { email: "ada@acme.example" }, vault: { key: "k" } }, parentNodes: { outer: { id: 1 } } };
    await expect(expressions.evaluateValue(js("[nodes.vault.key, parentNodes.outer.id]"), secret)).resolves.toStrictEqual(["k", 1]);
    await expect(expressions.evaluateValue(js("[typeof parentNodes, nodes.vault, this.vault]"), scope)).resolves.toStrictEqual(["undefined", null, null]);
  });

  it("keeps __proto__ tricks on the scope inside the sandbox", async () => {
    await expect(expressions.evaluateValue(template("{{ (nodes.__proto__.x = 1, nodes.start.__proto__.polluted = 1, ({}).x) }}"), scope)).resolves.toBe(1);
    // JSON writes undefined array items as null.
    await expect(expressions.evaluateValue(template("{{ [({}).x, ({}).polluted] }}"), scope)).resolves.toStrictEqual([null, null]);
    const poisoned = JSON.parse('{"nodes": {"start": {"__proto__": {"polluted": 1}}}}') as { nodes: Record<string, unknown> };
    await expect(expressions.evaluateValue(template("{{ [({}).polluted, nodes.start.polluted, nodes.start.__proto__.polluted] }}"), poisoned)).resolves.toStrictEqual([null, null, 1]);
  });

  it("does not let a result smuggle a prototype into the host", async () => {
    const js = { kind: "jsExpression", expression: 'JSON.parse(\'{"__proto__": {"polluted": 1}}\')' };
    const value = await expressions.evaluateValue(js, scope);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// The bounds on elapsed time are loose on purpose: they tell "stopped" from "hung" on a busy
// machine; how fast the stop is belongs to a benchmark, not a test.
describe("resource exhaustion", () => {
  it("stops an infinite loop within the time limit", async () => {
    const started = Date.now();
    const { error } = await attempt("(() => { while(true){} })()");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error?.message).toBe("Expression {{ (() => { while(true){} })() }} took longer than 100 ms and was stopped");
  });

  it("stops a builtin that loops natively, past QuickJS's interrupt check, by killing the thread", async () => {
    const started = Date.now();
    const { error } = await attempt("Array.prototype.indexOf.call({ length: 1e15 }, 1)");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error?.message).toMatch(/took longer than 100 ms and was stopped$/);
    await expect(expressions.evaluateValue(template("{{ nodes.start.email }}"), scope)).resolves.toBe("ada@acme.example");
  });

  it("stops an oversized allocation at the memory limit at once", async () => {
    for (const code of ["new ArrayBuffer(2e8).byteLength", "'x'.repeat(1e8).length", "new Uint8Array(1e8).length"]) {
      const started = Date.now();
      const { error } = await attempt(code);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error?.message).toMatch(/used more than 32 MiB and was stopped$/);
    }
  });

  it("stops allocation bombs at the memory limit", async () => {
    for (const code of [
      "(() => { const a = []; while (true) a.push(new Uint8Array(1e6)); })()",
      "(() => { let a = []; while (true) a.push(new Array(1e5).fill(1)); })()",
      "(() => { let a = []; while (true) a.push('x'.repeat(1e6) + a.length); })()",
    ]) {
      const { error } = await attempt(code, patient);
      expect(error?.message).toMatch(/used more than 32 MiB and was stopped$/);
    }
  });

  it("stops the array-filling bomb, by memory or by time", async () => {
    const started = Date.now();
    const { error } = await attempt("(() => { let a = []; while (true) a.push(new Array(1e6).fill(1)); })()");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error?.message).toMatch(/(used more than 32 MiB|took longer than 100 ms) and was stopped$/);
  });

  it("stops string-doubling bombs at the memory limit", async () => {
    for (const code of ["(() => { let s = 'x'; while (true) s += s; })()", "(() => { let s = 'x'; while (true) { s += s; s.indexOf('y'); } })()"]) {
      const { error } = await attempt(code, patient);
      expect(error?.message).toMatch(/used more than 32 MiB and was stopped$/);
    }
    const { error } = await attempt("(() => { let s = 'x'; while (true) s += s; })()");
    expect(error?.message).toMatch(/used more than 32 MiB and was stopped$/);
  });

  it("stops deep recursion, in functions, the parser and JSON", async () => {
    for (const code of [
      "(function f(){ return f() + 1 })()",
      "Function('return ' + '['.repeat(20000))()",
      "JSON.parse('['.repeat(20000))",
      "(() => { let a = []; for (let i = 0; i < 20000; i++) a = [a]; return JSON.stringify(a).length })()",
    ]) {
      const { error } = await attempt(code, patient);
      expect(error?.message).toMatch(/nested calls too deeply \(stack overflow\) and was stopped$/);
    }
    const { error } = await attempt("(function f(){ return f() + 1 })()");
    expect(error?.message).toMatch(/nested calls too deeply \(stack overflow\) and was stopped$/);
  });

  it("still answers after every kind of stop", async () => {
    await expect(expressions.evaluateValue(template("{{ nodes.start.email.split('@')[1] }}"), scope)).resolves.toBe("acme.example");
  });
});
