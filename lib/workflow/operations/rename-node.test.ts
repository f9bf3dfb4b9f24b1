import { describe, expect, it } from "vitest";
import { chain, js, makeNative, template, variablesConfig } from "../testing/factories";
import { apply } from "./index";

describe("renameNode", () => {
  const graph = () =>
    chain(
      makeNative("start", "start"),
      makeNative("prep", "variables", { config: variablesConfig({ domain: template("{{nodes.start.email.split('@')[1]}}") }) }),
      makeNative("starter", "variables", { config: variablesConfig({ x: template("{{nodes.starter}} and {{nodes.start}}") }) }),
      makeNative("loop", "group", {
        config: {
          items: js("nodes.prep.items"),
          _nodes: [
            makeNative("start", "start"),
            makeNative("end", "end", { config: variablesConfig({ d: template("{{parentNodes.prep.domain}} {{nodes.prep}}") }) }),
          ],
        },
      }),
      makeNative("end", "end", { config: variablesConfig({ d: js('nodes["prep"].domain + nodes.prep2') }) }),
    );

  it("renames the node and rewrites nodes.<old> everywhere in the graph", () => {
    const next = apply(graph(), { type: "renameNode", uuid: "uuid-prep", slug: "prepare" });
    expect(next[1]!.slug).toBe("prepare");
    expect(next[3]!.config.items).toMatchObject({ expression: "nodes.prepare.items" });
    expect((next[4]!.config.variables as Array<{ value: { expression: string } }>)[0]!.value.expression).toBe('nodes["prepare"].domain + nodes.prep2');
  });

  it("rewrites parentNodes.<old> in a group's sub-graph, not the sub-graph's own nodes.<old>", () => {
    const next = apply(graph(), { type: "renameNode", uuid: "uuid-prep", slug: "prepare" });
    const subEnd = (next[3]!.config._nodes as Array<{ config: { variables: Array<{ value: { expression: string } }> } }>)[1]!;
    expect(subEnd.config.variables[0]!.value.expression).toBe("{{parentNodes.prepare.domain}} {{nodes.prep}}");
  });

  it("leaves nodes.starter alone when start is renamed", () => {
    const next = apply(graph(), { type: "renameNode", uuid: "uuid-start", slug: "begin" });
    expect((next[2]!.config.variables as Array<{ value: { expression: string } }>)[0]!.value.expression).toBe("{{nodes.starter}} and {{nodes.begin}}");
    expect(next[2]).not.toBe(graph()[2]);
    expect(next[4]).toEqual(graph()[4]);
  });

  it("shares untouched nodes and does not mutate its input", () => {
    const nodes = graph();
    const snapshot = structuredClone(nodes);
    const next = apply(nodes, { type: "renameNode", uuid: "uuid-starter", slug: "other" });
    expect(nodes).toEqual(snapshot);
    expect(next[1]).toBe(nodes[1]);
    expect(next[4]).toBe(nodes[4]);
  });

  it("refuses a slug another node holds, and an unknown uuid", () => {
    expect(() => apply(graph(), { type: "renameNode", uuid: "uuid-prep", slug: "starter" })).toThrow(/already used/);
    expect(() => apply(graph(), { type: "renameNode", uuid: "nope", slug: "x" })).toThrow(/No node with uuid "nope"/);
  });

  it("leaves expressions alone when the old slug was shared (nodes.<old> could mean the other node)", () => {
    const nodes = [...graph(), makeNative("prep", "variables", { uuid: "uuid-prep-2" })];
    const next = apply(nodes, { type: "renameNode", uuid: "uuid-prep", slug: "prepare" });
    expect(next[3]!.config.items).toMatchObject({ expression: "nodes.prep.items" });
  });
});
