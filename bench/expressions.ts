// bench/expressions: how fast the engine computes node configs. Two configs, evaluated over and over
// by the real evaluator (QuickJS sandbox threads included): a typical call config (a URL with one
// `{{ }}` path, a body that is a whole node output) and the same config plus one real JavaScript
// expression. Each runs one evaluation at a time, then 8 at a time (the engine's run concurrency),
// with the plain-path fast path (paths resolved in the host) and without it (every segment in the
// sandbox). Prints evaluations/s (the median of a few timed windows, since the machine may be
// shared) and the ratio.
// Run with `npm run bench expressions` (node --conditions=react-server --import tsx bench/expressions.ts).
import { performance } from "node:perf_hooks";
import { createExpressionEvaluator, type ExpressionEvaluator, type ExpressionScope } from "@/lib/engine/expressions";

/** Length of one timed window; each figure is the median of WINDOWS of them. */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS) || 1000;
const WINDOWS = 5;
const WARM_UP = 200;
const CONCURRENCY = 8;

const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });
const js = (expression: string) => ({ kind: "jsExpression", expression, instructTo: "none", fromRecipe: false });

const typical = { method: "POST", url: template("http://x/{{nodes.start.id}}"), body: template("{{nodes.start}}") };
const withJs = { ...typical, vip: js("nodes.start.tags.includes('vip') && nodes.start.company.employees > 100") };

// A start output of a realistic size, beside another node's output the config does not read.
const scope: ExpressionScope = {
  nodes: {
    start: {
      id: "con_001",
      email: "ada@acme.example",
      name: "Ada Lovelace",
      tags: ["lead", "vip"],
      company: { name: "Acme", domain: "acme.example", employees: 250, address: { city: "London", country: "GB" } },
      notes: "x".repeat(500),
    },
    lookup: { found: true, record: { id: "rec_1", fields: Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`field${index}`, `value ${index}`])) } },
  },
};

/** Evaluations per second during one window, `concurrency` at a time. */
async function windowRate(expressions: ExpressionEvaluator, config: Record<string, unknown>, concurrency: number): Promise<number> {
  const started = performance.now();
  const end = started + WINDOW_MS;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await expressions.evaluateConfig(config, scope);
        count++;
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/** The median rate of each evaluator, their windows taken in turns so that drift in the machine's load hits both alike. */
async function compare(evaluators: ExpressionEvaluator[], config: Record<string, unknown>, concurrency: number): Promise<number[]> {
  for (const expressions of evaluators) for (let index = 0; index < WARM_UP; index++) await expressions.evaluateConfig(config, scope);
  const rates: number[][] = evaluators.map(() => []);
  for (let window = 0; window < WINDOWS; window++) {
    for (const [index, expressions] of evaluators.entries()) rates[index]!.push(await windowRate(expressions, config, concurrency));
  }
  return rates.map((list) => list.sort((a, b) => a - b)[Math.floor(WINDOWS / 2)]!);
}

async function main() {
  const fast = await createExpressionEvaluator();
  const sandboxOnly = await createExpressionEvaluator({ fastPath: false });
  const expected = JSON.stringify(await sandboxOnly.evaluateConfig(withJs, scope));
  if (JSON.stringify(await fast.evaluateConfig(withJs, scope)) !== expected) throw new Error("the fast path and the sandbox disagree");

  for (const [name, config] of [["typical config {url, body}", typical], ["typical config + one JS expression", withJs]] as const) {
    for (const concurrency of [1, CONCURRENCY]) {
      const [withFastPath, without] = (await compare([fast, sandboxOnly], config, concurrency)) as [number, number];
      console.log(
        `${name}, ${concurrency} at a time: ${withFastPath.toFixed(0)} evaluations/s with the fast path, ` +
          `${without.toFixed(0)}/s in the sandbox only (${(withFastPath / without).toFixed(1)}×)`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
