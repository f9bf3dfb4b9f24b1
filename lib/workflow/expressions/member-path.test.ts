import { describe, expect, it } from "vitest";
import { plainMemberPath } from "./member-path";
import { parseExpression } from "./parse-expression";

function path(code: string) {
  const parsed = parseExpression(code);
  if (!parsed.ok) throw new Error(parsed.message);
  return plainMemberPath(parsed.ast);
}

describe("plainMemberPath", () => {
  it("reads static member paths over nodes and parentNodes", () => {
    expect(path("nodes.start.items[0]['id']")).toStrictEqual({
      root: "nodes",
      steps: [
        { key: "start", computed: false, optional: false },
        { key: "items", computed: false, optional: false },
        { key: "0", computed: true, optional: false },
        { key: "id", computed: true, optional: false },
      ],
    });
    expect(path(" parentNodes.x?.y ")).toStrictEqual({
      root: "parentNodes",
      steps: [
        { key: "x", computed: false, optional: false },
        { key: "y", computed: false, optional: true },
      ],
    });
    expect(path("nodes")).toStrictEqual({ root: "nodes", steps: [] });
    expect(path("(nodes.a /* why */)")?.steps.map((step) => step.key)).toStrictEqual(["a"]);
    expect(path("nodes[1e3]")?.steps[0]?.key).toBe("1000");
  });

  it.each([
    ["a call", "nodes.a.trim()"],
    ["an operator", "nodes.a + 1"],
    ["a computed key", "nodes[key]"],
    ["a key computed from a path", "nodes.a[nodes.b]"],
    ["a bigint key", "nodes.a[1n]"],
    ["parentheses inside the chain (they bound ?.)", "(nodes?.a).b"],
    ["another global", "Math.PI"],
    ["this", "this.nodes"],
    ["a literal", "'nodes'"],
  ])("is null for %s", (_name, code) => {
    expect(path(code)).toBeNull();
  });
});
