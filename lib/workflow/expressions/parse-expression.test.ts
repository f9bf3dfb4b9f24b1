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
    "nodes.a /* trailing comment */\n",
    "nodes.a?.b ?? 'none'",
    "(nodes.a.b + 1)",
    " (nodes.a) ",
    "((1))",
  ])("accepts %s", (code) => {
    expect(parseExpression(code).ok).toBe(true);
  });

  it.each([
    ["nodes.a.", /^Unexpected token \(1:8\)$/],
    ["", /^it is empty$/],
    [" \n ", /^it is empty$/],
    ["a b", /^Unexpected "b" after the expression \(1:2\)$/],
    ["nodes.a)", /^Unexpected "\)" after the expression \(1:7\)$/],
    ["1); (globalThis.x = 2", /^Unexpected "\)" after the expression \(1:1\)$/],
    ["if (x) y", /^Unexpected token \(1:0\)$/],
    ["a; b", /^Unexpected ";" after the expression \(1:1\)$/],
    ["a\n 'unclosed", /^Unterminated string constant \(2:1\)$/],
    [`a "${"x".repeat(40)}"`, /^Unexpected "\\"x{19}…" after the expression \(1:2\)$/],
  ])("rejects %j with a message that says where", (code, message) => {
    const parsed = parseExpression(code);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("returns the same result for the same source (memoized)", () => {
    expect(parseExpression("nodes.memo.x")).toBe(parseExpression("nodes.memo.x"));
  });
});
