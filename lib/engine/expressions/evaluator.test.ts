import { beforeAll, describe, expect, it } from "vitest";
import { createExpressionEvaluator, ExpressionError, type ExpressionEvaluator } from ".";
import { CONFIG_TIME_LIMIT_MS, MAX_EXPRESSIONS_PER_CONFIG, MAX_READ_CHARS_PER_CONFIG } from "./limits";

const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });
const js = (expression: string) => ({ kind: "jsExpression", expression, instructTo: "none", fromRecipe: false });
const scope = { nodes: { start: { n: 21, name: "Ada", email: "ada@acme.example", when: "2025-01-02T03:04:05.000Z" } } };

let expressions: ExpressionEvaluator;

beforeAll(async () => {
  expressions = await createExpressionEvaluator();
});

async function failure(value: unknown, scopeOverride = scope): Promise<ExpressionError> {
  const error = await expressions.evaluateValue(value, scopeOverride).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExpressionError);
  return error as ExpressionError;
}

describe("evaluateConfig", () => {
  it("computes expression fields and keeps literals and keys as they are", async () => {
    const config = {
      email: template("{{nodes.start.email}}"),
      note: "{{nodes.start.name}} stays text",
      count: 3,
      nested: { list: [template("{{nodes.start.n}}"), null, "x"], flag: js("nodes.start.n > 20") },
    };
    await expect(expressions.evaluateConfig(config, scope)).resolves.toStrictEqual({
      email: "ada@acme.example",
      note: "{{nodes.start.name}} stays text",
      count: 3,
      nested: { list: [21, null, "x"], flag: true },
    });
  });

  it("returns a config without expressions untouched", async () => {
    const config = { a: "{{x}}", b: [1, { c: true }] };
    await expect(expressions.evaluateConfig(config, scope)).resolves.toBe(config);
  });

  it("treats the root as fields even when it looks like an expression object", async () => {
    const config = { kind: "jsExpression", expression: "1 + 1", value: js("1 + 1") };
    await expect(expressions.evaluateConfig(config, scope)).resolves.toStrictEqual({ kind: "jsExpression", expression: "1 + 1", value: 2 });
  });

  it("keeps a field named __proto__ a field", async () => {
    const config = JSON.parse('{"__proto__": {"kind": "jsExpression", "expression": "1 + 1"}}') as Record<string, unknown>;
    const computed = await expressions.evaluateConfig(config, scope);
    expect(Object.getPrototypeOf(computed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(computed, "__proto__")?.value).toBe(2);
  });

  it("does not change the scope it was given", async () => {
    const given = structuredClone(scope);
    await expressions.evaluateConfig({ a: js("(nodes.start.n = 99, nodes.start.extra = 1)") }, given);
    expect(given).toStrictEqual(scope);
  });

  it("answers concurrent calls each with its own scope", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => expressions.evaluateConfig({ n: template("{{nodes.start.n}}") }, { nodes: { start: { n: index } } })),
    );
    expect(results).toStrictEqual(Array.from({ length: 20 }, (_, index) => ({ n: index })));
  });
});

describe("evaluateValue", () => {
  it("keeps undefined undefined, for a single segment and a jsExpression", async () => {
    await expect(expressions.evaluateValue(template("{{nodes.start.missing}}"), scope)).resolves.toBeUndefined();
    await expect(expressions.evaluateValue(js("undefined"), scope)).resolves.toBeUndefined();
  });

  it("writes mixed text with JSON objects, empty missing values and plain scalars", async () => {
    const value = template("{{ {a: [1]} }}|{{null}}|{{undefined}}|{{true}}|{{1.5}}|{{'s'}}|{{[1,'x']}}");
    await expect(expressions.evaluateValue(value, scope)).resolves.toBe('{"a":[1]}|||true|1.5|s|[1,"x"]');
  });

  it("keeps surrounding whitespace around one segment out of the value", async () => {
    await expect(expressions.evaluateValue(template("  {{ nodes.start.n }}\n"), scope)).resolves.toBe(21);
  });

  it("leaves template text without segments as text, including an unclosed brace", async () => {
    await expect(expressions.evaluateValue(template("plain {{ not closed"), scope)).resolves.toBe("plain {{ not closed");
  });

  it("runs Dates, Math and JSON inside the sandbox; a Date comes back as its ISO text", async () => {
    const now = (await expressions.evaluateValue(js("new Date().toISOString()"), scope)) as string;
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(60_000);
    await expect(expressions.evaluateValue(js("new Date(nodes.start.when)"), scope)).resolves.toBe("2025-01-02T03:04:05.000Z");
    await expect(expressions.evaluateValue(template("{{JSON.stringify(nodes.start.n)}}"), scope)).resolves.toBe("21");
  });

  it("allows an IIFE with statements inside", async () => {
    const value = template("{{(() => { let total = 0; for (const c of nodes.start.name) total += c.charCodeAt(0); return total })()}}");
    await expect(expressions.evaluateValue(value, scope)).resolves.toBe(65 + 100 + 97);
  });

  it("sees every node output when it reads nodes dynamically", async () => {
    const wide = { nodes: { start: { n: 1 }, crm: { id: "c1" }, other: { id: "o1" } } };
    await expect(expressions.evaluateValue(js("Object.keys(nodes)"), wide)).resolves.toStrictEqual(["start", "crm", "other"]);
    await expect(expressions.evaluateValue(js("nodes['cr' + 'm'].id"), wide)).resolves.toBe("c1");
    await expect(expressions.evaluateValue(js("[nodes.crm.id, nodes['other'].id, nodes.start?.n]"), wide)).resolves.toStrictEqual(["c1", "o1", 1]);
  });

  it("passes other scope keys (parentNodes) in as globals too", async () => {
    await expect(expressions.evaluateValue(js("parentNodes.start.id"), { nodes: {}, parentNodes: { start: { id: 7 } } })).resolves.toBe(7);
  });
});

describe("errors", () => {
  it("names the config path of the failing value", async () => {
    const config = { fields: { ok: js("1"), email: js("nodes.start.x.y") } };
    await expect(expressions.evaluateConfig(config, scope)).rejects.toMatchObject({ name: "ExpressionError", path: "fields.email", expression: "nodes.start.x.y" });
    const list = { mappings: [{ value: "literal" }, { value: template("{{nodes.}}") }] };
    await expect(expressions.evaluateConfig(list, scope)).rejects.toMatchObject({ path: "mappings.1.value", expression: "{{nodes.}}" });
    expect((await failure(js("nodes.start.x.y"))).path).toBe("");
  });

  it("reports a syntax error before running anything", async () => {
    const error = await failure(template("{{nodes.start.}}"));
    expect(error.message).toBe("Expression {{nodes.start.}} is not valid JavaScript: Unexpected token (1:12)");
    expect((await failure(template("{{ }}"))).message).toBe("Expression {{ }} is not valid JavaScript: it is empty");
  });

  it("refuses statements smuggled past the expression", async () => {
    const error = await failure(js("1); (globalThis.x = 2"));
    expect(error.message).toMatch(/^Expression 1\); \(globalThis.x = 2 is not valid JavaScript: Unexpected "\)" after the expression/);
  });

  it("names the failing segment of mixed text", async () => {
    const error = await failure(template("Hi {{nodes.start.name}}, {{nodes.start.x.y}}!"));
    expect(error.message).toBe("Expression {{nodes.start.x.y}} failed: TypeError: cannot read property 'y' of undefined");
    expect(error.expression).toBe("Hi {{nodes.start.name}}, {{nodes.start.x.y}}!");
  });

  it("describes thrown values of any kind", async () => {
    expect((await failure(js("(() => { throw 'boom' })()"))).message).toBe("Expression (() => { throw 'boom' })() failed: boom");
    expect((await failure(js("(() => { throw new RangeError('bad') })()"))).message).toMatch(/failed: RangeError: bad$/);
    expect((await failure(js("(() => { throw { get message() { throw 1 } } })()"))).message).toMatch(/failed: an error that could not be read$/);
  });

  it("refuses results that are not JSON data", async () => {
    expect((await failure(js("() => 1"))).message).toBe("Expression () => 1 returned a function, which is not JSON data");
    expect((await failure(js("Symbol('s')"))).message).toMatch(/returned a symbol, which is not JSON data$/);
    expect((await failure(js("({ a: 1, f() {} })"))).message).toMatch(/returned a function \(property "f"\), which is not JSON data$/);
    expect((await failure(js("(async () => 1)()"))).message).toMatch(/returned a Promise, which is not JSON data$/);
    expect((await failure(js("(() => { const a = {}; a.a = a; return a })()"))).message).toMatch(/returned data that cannot be written as JSON/);
  });

  it("refuses AI-filled values", async () => {
    const error = await failure({ kind: "templateExpression", expression: "the company's domain", instructTo: "ai", fromRecipe: false });
    expect(error.message).toMatch(/^AI-filled values are not supported/);
  });

  it("is not retryable", async () => {
    expect((await failure(js("nope"))).retryable).toBe(false);
  });
});

const busy = (ms: number) => js(`(() => { const end = Date.now() + ${ms}; while (Date.now() < end); return ${ms} })()`);

describe("caps per config", () => {
  it("evaluates up to 1,000 expressions in a config and refuses more, before running any", async () => {
    expect(MAX_EXPRESSIONS_PER_CONFIG).toBe(1_000);
    const fields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`f${index}`, js(`${index} + 1`)]));
    const computed = await expressions.evaluateConfig(fields(1_000), scope);
    expect(Object.keys(computed)).toHaveLength(1_000);
    expect(computed.f999).toBe(1_000);
    // The first one would fail: the count is checked before anything runs.
    const error = await expressions.evaluateConfig({ first: js("nodes.start.x.y"), ...fields(1_000) }, scope).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({
      message: "This config has 1,001 expressions ({{ }} segments and jsExpressions); at most 1,000 are evaluated per config",
      path: "",
      retryable: false,
    });
  });

  it("counts each {{ }} segment of a template", async () => {
    const strict = await createExpressionEvaluator({ maxExpressions: 3 });
    await expect(strict.evaluateConfig({ a: template("{{nodes.start.n}}-{{nodes.start.name}}"), b: template("{{nodes.start.n}}") }, scope)).resolves.toStrictEqual({ a: "21-Ada", b: 21 });
    await expect(strict.evaluateConfig({ a: template("{{nodes.start.n}}-{{nodes.start.name}}"), b: template("{{1}}{{2}}") }, scope)).rejects.toThrow(
      "This config has 4 expressions ({{ }} segments and jsExpressions); at most 3 are evaluated per config",
    );
  });

  it("stops a config whose plain paths would copy more than 5 MiB of data in all, at the path that goes past it", async () => {
    expect(MAX_READ_CHARS_PER_CONFIG).toBe(5 * 1024 * 1024);
    // About 2 MiB as JSON: two reads fit, the third goes past.
    const rows = Array.from({ length: 55_000 }, (_, index) => ({ id: index, name: "Ada Lovelace" }));
    const big = { nodes: { start: { rows, text: "x".repeat(2 * 1024 * 1024) } } };
    expect(JSON.stringify(rows).length).toBeGreaterThan(1.7 * 1024 * 1024);
    expect(JSON.stringify(rows).length).toBeLessThan(2.5 * 1024 * 1024);
    const read = template("{{nodes.start.rows}}");
    const error = await expressions.evaluateConfig({ a: read, b: read, c: read, d: read }, big).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({ path: "c", message: "Expression {{nodes.start.rows}} takes this config's expressions past 5 MiB of data read in all, the most one config may hold" });
    // Text counts too; and each config has its own total.
    const text = template("{{nodes.start.text}}");
    await expect(expressions.evaluateConfig({ a: text, b: text, c: text }, big)).rejects.toThrow("past 5 MiB of data read in all");
    await expect(expressions.evaluateConfig({ a: read, b: text }, big)).resolves.toMatchObject({ a: rows, b: big.nodes.start.text });
  });

  // Busy loops count wall time, so the margins are wide: a loaded machine stretches everything.
  it("stops a config whose expressions together outlast the total time limit", async () => {
    expect(CONFIG_TIME_LIMIT_MS).toBe(5_000);
    const strict = await createExpressionEvaluator({ timeoutMs: 2_000, totalTimeoutMs: 600 });
    const error = await strict.evaluateConfig({ a: busy(250), b: busy(250), c: busy(250), d: busy(250), e: js("1") }, scope).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).message).toMatch(/^Expression \(\(\) => .* was stopped: the config's expressions together took longer than 600 ms, the limit per config$/);
    expect(["a", "b", "c", "d"]).toContain((error as ExpressionError).path);
    // Each config has its own total.
    await expect(strict.evaluateConfig({ a: busy(100), b: busy(100) }, scope)).resolves.toStrictEqual({ a: 100, b: 100 });
  });

  it("stops a native loop at the total time limit too", async () => {
    const strict = await createExpressionEvaluator({ timeoutMs: 10_000, totalTimeoutMs: 300 });
    const started = Date.now();
    await expect(strict.evaluateConfig({ a: js("Array.prototype.indexOf.call({ length: 1e15 }, 1)") }, scope)).rejects.toThrow(
      "was stopped: the config's expressions together took longer than 300 ms, the limit per config",
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(strict.evaluateConfig({ a: js("1 + 1") }, scope)).resolves.toStrictEqual({ a: 2 });
  });
});

describe("limits", () => {
  it("stops an expression at its time limit and keeps working afterwards", async () => {
    const started = Date.now();
    const error = await failure(template("{{ (() => { while(true){} })() }}"));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toBe("Expression {{ (() => { while(true){} })() }} took longer than 100 ms and was stopped");
    await expect(expressions.evaluateValue(js("1 + 1"), scope)).resolves.toBe(2);
  });

  it("applies the configured limits", async () => {
    const strict = await createExpressionEvaluator({ timeoutMs: 20, memoryBytes: 8 * 1024 * 1024 });
    await expect(strict.evaluateValue(js("(() => { while(true){} })()"), scope)).rejects.toThrow("took longer than 20 ms and was stopped");
    await expect(strict.evaluateValue(js("'x'.repeat(16 * 1024 * 1024).length"), scope)).rejects.toThrow("used more than 8 MiB and was stopped");
    // The default memory cap allows it. A generous time limit: building 16 MiB can take over 100 ms on a busy machine.
    const roomy = await createExpressionEvaluator({ timeoutMs: 10_000 });
    await expect(roomy.evaluateValue(js("'x'.repeat(16 * 1024 * 1024).length"), scope)).resolves.toBe(16 * 1024 * 1024);
  });

  it("keeps working after a memory stop", async () => {
    await expect(expressions.evaluateValue(js("new ArrayBuffer(2e8).byteLength"), scope)).rejects.toThrow("used more than 32 MiB and was stopped");
    await expect(expressions.evaluateValue(js("nodes.start.n"), scope)).resolves.toBe(21);
  });

  // 2000 × 256 KiB is ten times the sandbox's memory ceiling: a session that is not freed fails the run.
  it("frees every session: 2000 configs that each take 256 KiB neither fail nor grow the process", async () => {
    const config = { a: js("'x'.repeat(256 * 1024).length"), b: template("{{nodes.start.name}}-{{nodes.start.n}}"), c: js("[nodes.start.n]") };
    const expected = { a: 256 * 1024, b: "Ada-21", c: [21] };
    for (let index = 0; index < 200; index++) await expressions.evaluateConfig(config, scope);
    const before = process.memoryUsage().rss;
    for (let index = 0; index < 2000; index++) expect(await expressions.evaluateConfig(config, scope)).toStrictEqual(expected);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  }, 120_000);
});
