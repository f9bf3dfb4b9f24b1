import { describe, expect, it } from "vitest";
import { parseExpression } from "./parse-expression";

describe("parseExpression", () => {
  it.each([
    "nodes.start.email.split('@')[1]",
    "nodes.start.employee_count > 100",
    "JSON.stringify(nodes.prep.domain)",
    "(() => { const x = 1; return x * 2 })()",
    "new Date().toISOString().slice(0,10)",
    "  nodes.a  ",
    "nodes.a // trailing comment",
    "nodes.a?.b ?? 'none'",
  ])("accepts %s", (code) => {
    expect(parseExpression(code).ok).toBe(true);
  });

  it.each([
    ["nodes.a.", /Unexpected token/],
    ["", /Unexpected token/],
    ["a b", /Unexpected token after the expression \(1:1\)/],
    ["nodes.a)", /Unexpected token after the expression/],
    ["if (x) y", /Unexpected token \(1:0\)/],
    ["a; b", /Unexpected token after the expression \(1:1\)/],
  ])("rejects %j with acorn's message", (code, message) => {
    const parsed = parseExpression(code);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("returns the same result for the same source (memoized)", () => {
    expect(parseExpression("nodes.memo.x")).toBe(parseExpression("nodes.memo.x"));
  });
});
