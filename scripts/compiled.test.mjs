import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// The launcher npm start and npm run worker go through: it compiles an entry with the sandbox's
// worker beside it, which a non-path expression needs (a path such as {{nodes.a}} is read without it).
it("runs an entry compiled into one module, its expression sandbox thread included", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "relay-compiled-"));
  const entry = path.join(folder, "entry.mts");
  const evaluator = path.join(root, "lib/engine/expressions/evaluator.ts");
  fs.writeFileSync(
    entry,
    `import { createExpressionEvaluator } from ${JSON.stringify(evaluator)};
import { systemClock } from ${JSON.stringify(path.join(root, "lib/engine/clock.ts"))};
const native = globalThis[Symbol.for("relay.nativeDate")];
const keptBeforeNext = native === Date;
// What loading Next does to the global Date.
await import("next/dist/server/node-environment-extensions/date.js");
const clock = { keptBeforeNext, wrappedSince: Date !== native, now: systemClock.now() instanceof Date && Math.abs(systemClock.now().getTime() - Date.now()) < 1000 };
const evaluator = await createExpressionEvaluator();
const value = { kind: "templateExpression", expression: "{{ nodes.start.n * 7 + [1, 2, 3].length }}", instructTo: "none", fromRecipe: false };
const config = await evaluator.evaluateConfig({ value }, { nodes: { start: { n: 6 } } });
console.log(JSON.stringify({ config, clock, argv: process.argv.slice(2), url: import.meta.url }));
process.exit(0);
`,
  );
  try {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "scripts/compiled.mjs", entry, "--flag", "x"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    const answer = JSON.parse(run.stdout.trim().split("\n").at(-1));
    expect(answer.config).toEqual({ value: 45 });
    // The Date the process started with is kept for the engine's clock before Next wraps the global one.
    expect(answer.clock).toEqual({ keptBeforeNext: true, wrappedSince: true, now: true });
    // Its own arguments, and it ran from the compiled module, not the source.
    expect(answer.argv).toEqual(["--flag", "x"]);
    expect(answer.url).toMatch(/\/\.relay-server\/[0-9a-f]{16}\/main\.mjs$/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
