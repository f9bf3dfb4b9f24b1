import { describe, expect, it } from "vitest";
import { chain, makeNative } from "../testing/factories";
import { apply, WorkflowOperationError } from "./index";

const graph = () => chain(makeNative("start", "start"), makeNative("end", "end"));

describe("addNode", () => {
  it("appends an unconnected node without a parent", () => {
    const nodes = graph();
    const added = makeNative("vars", "variables");
    const next = apply(nodes, { type: "addNode", node: added });
    expect(next.map((node) => node.slug)).toEqual(["start", "end", "vars"]);
    expect(next[2]).toBe(added);
  });

  it("inserts between a parent and its child: the new node takes over the child", () => {
    const nodes = graph();
    const next = apply(nodes, { type: "addNode", node: makeNative("vars", "variables"), parentUuid: "uuid-start", childIndex: 0 });
    expect(next[0]!.childrenUuids).toEqual(["uuid-vars"]);
    expect(next[2]!.childrenUuids).toEqual(["uuid-end"]);
  });

  it("fills an empty slot without touching the new node's children", () => {
    const nodes = [makeNative("check", "branch")];
    const next = apply(nodes, { type: "addNode", node: makeNative("no", "end"), parentUuid: "uuid-check", childIndex: 1 });
    expect(next[0]!.childrenUuids).toEqual([null, "uuid-no"]);
    expect(next[1]!.childrenUuids).toEqual([]);
  });

  it("never mutates its input", () => {
    const nodes = graph();
    const snapshot = structuredClone(nodes);
    apply(nodes, { type: "addNode", node: makeNative("vars", "variables"), parentUuid: "uuid-start" });
    expect(nodes).toEqual(snapshot);
  });

  it.each([
    ["a uuid already in the graph", { node: makeNative("end", "variables") }, /already in the graph/],
    ["an unknown parent", { node: makeNative("vars", "variables"), parentUuid: "nope" }, /No parent node with uuid "nope"/],
    ["a child index out of range", { node: makeNative("vars", "variables"), parentUuid: "uuid-start", childIndex: 1 }, /child index 1 is out of range/],
    ["a node without children inserted before a child", { node: makeNative("stop", "end"), parentUuid: "uuid-start" }, /no child slot/],
    [
      "a node whose first child is taken",
      { node: { ...makeNative("vars", "variables"), childrenUuids: ["uuid-start"] }, parentUuid: "uuid-start" },
      /already has a first child/,
    ],
  ])("refuses %s", (_, operation, message) => {
    expect(() => apply(graph(), { type: "addNode", ...operation })).toThrow(WorkflowOperationError);
    expect(() => apply(graph(), { type: "addNode", ...operation })).toThrow(message);
  });
});
