import { beforeAll, describe, expect, it } from "vitest";
import { plainMemberPath } from "@/lib/workflow/expressions/member-path";
import { parseExpression } from "@/lib/workflow/expressions/parse-expression";
import { createExpressionEvaluator, ExpressionError, type ExpressionEvaluator, type ExpressionScope } from ".";
import { readMemberPath } from "./read-member-path";

const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });
const js = (expression: string) => ({ kind: "jsExpression", expression, instructTo: "none", fromRecipe: false });

// Data as run outputs hold it, and data no JSON output would hold, which the sandbox only ever sees as JSON.
const scope: ExpressionScope = {
  nodes: {
    start: { id: "con_1", n: 0, nil: null, list: [1, { id: "x" }, null], empty: "", nested: { deep: { k: [10, 20] } }, "a b": 1, é: 2, "0": "zero", "01": "one" },
    odd: {
      date: new Date("2025-01-02T03:04:05.000Z"),
      undef: undefined,
      fn: () => 1,
      sym: Symbol("s"),
      nan: NaN,
      inf: -Infinity,
      holes: [1, , 3],
      undefs: [undefined, () => 1],
      nullProto: Object.assign(Object.create(null) as object, { a: 1 }),
      withToJSON: { toJSON: () => ({ replaced: true }), a: 1 },
      instance: new (class Point {
        x = 1;
      })(),
      ownProto: JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as unknown,
      hidden: Object.defineProperty({}, "secret", { value: 1, enumerable: false }),
      map: new Map([["a", 1]]),
    },
  },
  parentNodes: { outer: { id: 7 } },
};

const paths = [
  "nodes", "nodes.start", "nodes.start.id", "nodes.start.n", "nodes.start.nil", "nodes.start.nil.x", "nodes.start.nil?.x",
  "nodes.start.nil?.x.y", "nodes.start.missing", "nodes.start.missing.x", "nodes.start.missing['x']", "nodes.start.missing[0]",
  "nodes.start.missing?.x", "nodes.missing?.a.b", "nodes?.start.id", "(nodes.start.id)", "nodes.start.list?.[1]?.id",
  "nodes.start.list", "nodes.start.list[0]", "nodes.start.list[1].id", "nodes.start.list[2].id", "nodes.start.list[3]",
  "nodes.start.list[3].x", "nodes.start.list.length", "nodes.start.list['1']", "nodes.start.list['01']", "nodes.start.list[1.5]",
  "nodes.start.list[4294967295]", "nodes.start.list.map", "nodes.start.list.foo", "nodes.start['a b']", "nodes.start.é",
  "nodes.start[0]", "nodes.start['0']", "nodes.start['01']", "nodes.start.nested.deep.k[1]", "nodes.start.empty.length",
  "nodes.start.id.length", "nodes.start.id[0]", "nodes.start.n.x", "nodes.start.constructor", "nodes.start.__proto__",
  "nodes.start['__proto__']", "nodes.__proto__", "nodes.constructor", "nodes.start.toString", "nodes.start.hasOwnProperty",
  "nodes.start.valueOf", "nodes.odd.date", "nodes.odd.date.x", "nodes.odd.date.toISOString", "nodes.odd.undef", "nodes.odd.undef.x",
  "nodes.odd.fn", "nodes.odd.fn.x", "nodes.odd.sym", "nodes.odd.nan", "nodes.odd.inf", "nodes.odd.holes", "nodes.odd.holes[1]",
  "nodes.odd.holes[1].x", "nodes.odd.undefs", "nodes.odd.undefs[0]", "nodes.odd.undefs[1]", "nodes.odd.undefs[0].x",
  "nodes.odd.nullProto", "nodes.odd.nullProto.a", "nodes.odd.nullProto.toString", "nodes.odd.withToJSON", "nodes.odd.withToJSON.a",
  "nodes.odd.withToJSON.replaced", "nodes.odd.instance", "nodes.odd.instance.x", "nodes.odd.ownProto", "nodes.odd.ownProto.__proto__",
  "nodes.odd.ownProto.__proto__.polluted", "nodes.odd.ownProto.polluted", "nodes.odd.hidden", "nodes.odd.hidden.secret",
  "nodes.odd.map", "nodes.odd.map.size", "parentNodes.outer.id", "parentNodes['outer']",
];

let withFastPath: ExpressionEvaluator;
let sandboxOnly: ExpressionEvaluator;

beforeAll(async () => {
  withFastPath = await createExpressionEvaluator();
  sandboxOnly = await createExpressionEvaluator({ fastPath: false });
});

async function outcome(evaluator: ExpressionEvaluator, value: unknown, given = scope): Promise<{ value?: unknown; error?: string; path?: string }> {
  try {
    return { value: await evaluator.evaluateValue(value, given) };
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return { error: (error as ExpressionError).message, path: (error as ExpressionError).path };
  }
}

const reading = (code: string, given = scope) => {
  const parsed = parseExpression(code);
  const path = parsed.ok ? plainMemberPath(parsed.ast) : null;
  if (!path) throw new Error(`${code} is not a plain path`);
  return readMemberPath(path, given);
};

describe("plain paths read in the host", () => {
  it.each(paths)("%s gives what the sandbox gives, alone and in text", async (path) => {
    for (const value of [template(`{{${path}}}`), template(`<{{ ${path} }}>`), { list: [template(`{{${path}}}`)] }]) {
      expect(await outcome(withFastPath, value)).toStrictEqual(await outcome(sandboxOnly, value));
    }
  });

  it("gives what the sandbox gives for parentNodes outside a group", async () => {
    const value = template("{{parentNodes.outer.id}}");
    const outside = { nodes: scope.nodes };
    expect(await outcome(withFastPath, value, outside)).toStrictEqual(await outcome(sandboxOnly, value, outside));
  });

  it("reads JSON data in the host, and copies what it returns", () => {
    for (const code of ["nodes.start.id", "nodes.start.list[1].id", "nodes.start.missing", "nodes.start.nil?.x", "nodes.start['a b']", "parentNodes.outer"]) {
      expect(reading(code)).not.toBeNull();
    }
    expect(reading("nodes.start.missing.x")).toStrictEqual({ kind: "thrown", detail: "TypeError: cannot read property 'x' of undefined" });
    expect(reading("nodes.start.nil[0]")).toStrictEqual({ kind: "thrown", detail: "TypeError: cannot read property of null" });
    const copy = reading("nodes.start.nested");
    expect(copy).toStrictEqual({ kind: "value", value: { deep: { k: [10, 20] } } });
    expect(copy?.kind === "value" && copy.value).not.toBe((scope.nodes.start as Record<string, unknown>).nested);
  });

  it.each(["nodes.start.__proto__", "nodes.start.constructor", "nodes.__proto__.x", "nodes.start.list.map", "nodes.start.id.length", "nodes.odd.date.x", "nodes.odd.holes[1]"])(
    "leaves %s to the sandbox",
    (code) => {
      expect(reading(code)).toBeNull();
    },
  );

  it("reads what earlier expressions of the same config changed: from the first sandbox expression on, paths run there too", async () => {
    const given = () => ({ nodes: { start: { n: 21 } } });
    const changedFirst = { a: js("(nodes.start.n = 99, 1)"), b: template("{{nodes.start.n}}") };
    const readFirst = { b: template("{{nodes.start.n}}"), a: js("(nodes.start.n = 99, 1)") };
    for (const evaluator of [withFastPath, sandboxOnly]) {
      await expect(evaluator.evaluateConfig(changedFirst, given())).resolves.toStrictEqual({ a: 1, b: 99 });
      await expect(evaluator.evaluateConfig(readFirst, given())).resolves.toStrictEqual({ b: 21, a: 1 });
    }
  });

  it("reports the first failure in config order, whether a path failed in the host or code in the sandbox", async () => {
    const configs = [
      { a: template("{{nodes.start.missing.x}}"), b: js("nodes.start.nil.y") },
      { a: js("nodes.start.nil.y"), b: template("{{nodes.start.missing.x}}") },
      { a: template("{{nodes.start.id}}"), b: js("nodes.start.nil.y"), c: template("{{nodes.}}") },
      { a: template("{{nodes.start.id}}"), b: template("{{nodes.}}"), c: js("nodes.start.nil.y") },
      { a: js("nodes.start.n + 1"), b: template("{{nodes.start.missing.x}}"), c: js("nodes.start.nil.y") },
      { a: js("nodes.start.n.toFixed(300)"), b: template("{{nodes.start.missing.x}}") },
      { a: js("nodes.start.n > 0"), b: template("{{nodes.start.list[1]}}"), c: js("[nodes.start.id].map((id) => id)") },
    ];
    for (const config of configs) expect(await outcome(withFastPath, config)).toStrictEqual(await outcome(sandboxOnly, config));
    expect((await outcome(withFastPath, configs[0])).path).toBe("a");
    expect((await outcome(withFastPath, configs[2])).path).toBe("b");
    expect((await outcome(withFastPath, configs[3])).path).toBe("b");
    expect((await outcome(withFastPath, configs[4])).path).toBe("b");
    expect((await outcome(withFastPath, configs[5])).path).toBe("a");
    expect(await outcome(withFastPath, configs[6])).toStrictEqual({ value: { a: false, b: { id: "x" }, c: ["con_1"] } });
  });
});
