import { describe, expect, it } from "vitest";
import { parseExpression } from "@/lib/workflow/expressions/parse-expression";
import { isSideEffectFree } from "./side-effect-free";

function sideEffectFree(code: string): boolean {
  const parsed = parseExpression(code);
  if (!parsed.ok) throw new Error(parsed.message);
  return isSideEffectFree(parsed.ast);
}

describe("isSideEffectFree", () => {
  it.each([
    "nodes.start.n > 100 ? 'big' : nodes.start.label",
    "nodes.a?.b ?? 'none'",
    "(nodes.a.x + 1) * 2",
    "`${nodes.a.first} ${nodes.a.last}`",
    "[nodes.a.id, ...nodes.b.list]",
    "({ id: nodes.a.id, [nodes.a.key]: 1, ...nodes.b })",
    "typeof parentNodes === 'undefined' || !nodes.a.flag",
    "/^a+$/",
    "this.nodes",
  ])("%s changes nothing", (code) => {
    expect(sideEffectFree(code)).toBe(true);
  });

  it.each([
    ["a call", "nodes.a.email.split('@')[1]"],
    ["a constructor call", "new Date()"],
    ["an assignment", "(Object.prototype.x = 1)"],
    ["an update", "nodes.a.n++"],
    ["delete", "delete nodes.a.n"],
    ["a function", "(() => 1)"],
    ["a getter", "({ get x() { return 1 } })"],
    ["a method", "({ toString() { return 'x' } })"],
    ["a class with a static block", "(class { static { globalThis.x = 1 } })"],
    ["a tagged template", "String.raw`x`"],
  ])("%s may change something", (_name, code) => {
    expect(sideEffectFree(code)).toBe(false);
  });
});
