import { describe, expect, it } from "vitest";
import { neededEntries } from "./scope-references";

const needs = (...codes: string[]) => neededEntries(codes, ["nodes", "parentNodes"]).get("nodes");

describe("neededEntries", () => {
  it("collects the entries named statically, in every form", () => {
    expect(needs("nodes.start.email", "nodes['crm'].id + nodes?.enrich?.x", "(() => { const a = nodes.loop; return a })()")).toStrictEqual(
      new Set(["start", "crm", "enrich", "loop"]),
    );
  });

  it("keeps each global separate", () => {
    const found = neededEntries(["nodes.start.id + parentNodes.outer.id"], ["nodes", "parentNodes"]);
    expect(found.get("nodes")).toStrictEqual(new Set(["start"]));
    expect(found.get("parentNodes")).toStrictEqual(new Set(["outer"]));
  });

  it("ignores property names that merely read `nodes`", () => {
    expect(needs("item.nodes.length + ({ nodes: 1 }).nodes")).toStrictEqual(new Set());
  });

  it.each([
    ["a computed key", "nodes[key]"],
    ["the whole record", "Object.keys(nodes)"],
    ["destructuring", "(() => { const { start } = nodes; return start })()"],
    ["a shorthand property", "({ nodes })"],
    ["this", "(function () { return this.nodes.start })()"],
    ["globalThis", "globalThis['no' + 'des'].start"],
    ["eval", "eval('nodes.start')"],
    ["the Function constructor", "Function('return nodes')()"],
    ["a constructor property", "[].constructor.constructor('return nodes')()"],
    ["a constructor named in a string", "Object.getOwnPropertyDescriptor(Object.getPrototypeOf(() => 1), 'constructor')"],
    ["a method of the record", "nodes.hasOwnProperty('crm')"],
    ["a local of the same name", "[1].map((nodes) => nodes)"],
  ])("needs every entry after %s", (_name, code) => {
    expect(needs("nodes.start.id", code)).toBe("all");
  });

  it("narrows only nodes and parentNodes", () => {
    expect(neededEntries(["vars.a"], ["nodes", "vars"]).get("vars")).toBe("all");
  });

  it("needs nothing from code that does not parse", () => {
    expect(needs("nodes.start.", "nodes[")).toStrictEqual(new Set());
  });
});
