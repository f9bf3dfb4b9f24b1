import { describe, expect, it } from "vitest";
import { findNodeReferences } from "./node-references";
import { parseExpression } from "./parse-expression";

function references(code: string): string[] {
  const parsed = parseExpression(code);
  if (!parsed.ok) throw new Error(parsed.message);
  return findNodeReferences(parsed.ast).map(({ root, keys }) => [root, ...keys.map((key) => key.name)].join("."));
}

describe("findNodeReferences", () => {
  it.each([
    ["nodes.start.email", ["nodes.start.email"]],
    ["nodes.start.email.split('@')[1]", ["nodes.start.email"]],
    ['nodes["prep"].domain', ["nodes.prep.domain"]],
    ["nodes.items[0].name", ["nodes.items.0.name"]],
    ["nodes.prep[key].x", ["nodes.prep"]],
    ["nodes[key].x", []],
    ["nodes", []],
    ["Object.keys(nodes)", []],
    ["nodes.vars.toString()", ["nodes.vars"]],
    ["nodes.vars.name.trim()", ["nodes.vars.name"]],
    ["nodes?.a?.b", ["nodes.a.b"]],
    ["(nodes?.a).b", ["nodes.a.b"]],
    ["parentNodes.prep.domain", ["parentNodes.prep.domain"]],
    ["foo.nodes.a", []],
    ["({ nodes: 1 }).nodes", []],
    ["nodes.a[nodes.b.c]", ["nodes.a", "nodes.b.c"]],
    ["nodes.a.b > 100 && nodes.c", ["nodes.a.b", "nodes.c"]],
    ["`${nodes.a.b}-x`", ["nodes.a.b"]],
    ["(nodes.a).b", ["nodes.a.b"]],
    ["(nodes.a.b + 1) * 2", ["nodes.a.b"]],
    ["nodes.a.tag`x`", ["nodes.a"]],
  ])("%s", (code, expected) => {
    expect(references(code)).toEqual(expected);
  });

  it.each([
    ["(nodes) => nodes.a", []],
    ["list.map(({ nodes }) => nodes.a)", []],
    ["list.map(([nodes]) => nodes.a)", []],
    ["list.map((x = nodes.a) => x)", ["nodes.a"]],
    ["(() => { const nodes = {}; return nodes.a })()", []],
    ["(() => { return nodes.a.b })()", ["nodes.a.b"]],
    ["(() => { try { return 1 } catch (nodes) { return nodes.a } })()", []],
    ["list.map((item) => item.x + nodes.a.y)", ["nodes.a.y"]],
    ["(function nodes() { return nodes.a })()", []],
  ])("respects shadowing: %s", (code, expected) => {
    expect(references(code)).toEqual(expected);
  });

  it("locates the keys in the source", () => {
    const parsed = parseExpression(' nodes["prep"].domain');
    if (!parsed.ok) throw new Error(parsed.message);
    const [reference] = findNodeReferences(parsed.ast);
    expect(reference!.keys[0]).toEqual({ name: "prep", computed: true, start: 7, end: 13, objectEnd: 6 });
  });
});
