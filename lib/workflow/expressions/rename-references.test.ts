import { describe, expect, it } from "vitest";
import { js, template } from "../testing/factories";
import { renameReferences } from "./rename-references";

describe("renameReferences", () => {
  it.each([
    ["{{nodes.a.x}} {{nodes.ab}}", "a", "b", "{{nodes.b.x}} {{nodes.ab}}"],
    ["{{nodes.start.x}} {{nodes.starter.y}}", "start", "begin", "{{nodes.begin.x}} {{nodes.starter.y}}"],
    ["Hi {{ nodes['a'].name }}!", "a", "b", 'Hi {{ nodes["b"].name }}!'],
    ["{{nodes.a.x + nodes.a.y}}", "a", "bb", "{{nodes.bb.x + nodes.bb.y}}"],
    ["{{nodes.a.x}}", "a", "1st", '{{nodes["1st"].x}}'],
    ["{{nodes?.a.x}}", "a", "1st", '{{nodes?.["1st"].x}}'],
    ["{{(nodes) => nodes.a}} {{nodes.a}}", "a", "b", "{{(nodes) => nodes.a}} {{nodes.b}}"],
    ["{{nodes.a. }} {{nodes.a}}", "a", "b", "{{nodes.a. }} {{nodes.b}}"],
    ["{{foo.a}} nodes.a", "a", "b", "{{foo.a}} nodes.a"],
  ])("%s: %s → %s", (text, from, to, expected) => {
    expect(renameReferences(template(text), "nodes", from, to).expression).toBe(expected);
  });

  it("rewrites a jsExpression and keeps the other fields", () => {
    const renamed = renameReferences(js("nodes.a.list.map((x) => x + nodes.a.y)"), "nodes", "a", "b");
    expect(renamed).toEqual(js("nodes.b.list.map((x) => x + nodes.b.y)"));
  });

  it("only touches the root asked for", () => {
    expect(renameReferences(template("{{parentNodes.a}} {{nodes.a}}"), "parentNodes", "a", "b").expression).toBe("{{parentNodes.b}} {{nodes.a}}");
  });

  it("returns the same object when nothing changed", () => {
    const expression = template("{{nodes.other.x}}");
    expect(renameReferences(expression, "nodes", "a", "b")).toBe(expression);
  });
});
