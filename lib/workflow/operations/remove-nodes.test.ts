import { describe, expect, it } from "vitest";
import { chain, makeNative } from "../testing/factories";
import { apply } from "./index";

describe("removeNodes", () => {
  const graph = () => [
    ...chain(makeNative("start", "start"), makeNative("call", "httpRequest", { fallbackChildUuid: "uuid-oops" }), makeNative("end", "end")),
    makeNative("oops", "end"),
  ];

  it("drops the nodes, nulls children pointing at them and removes fallbacks to them", () => {
    const next = apply(graph(), { type: "removeNodes", uuids: ["uuid-end", "uuid-oops"] });
    expect(next.map((node) => node.slug)).toEqual(["start", "call"]);
    expect(next[1]!.childrenUuids).toEqual([null]);
    expect(next[1]).not.toHaveProperty("fallbackChildUuid");
  });

  it("keeps untouched nodes as they were (same objects)", () => {
    const nodes = graph();
    const next = apply(nodes, { type: "removeNodes", uuids: ["uuid-oops"] });
    expect(next[0]).toBe(nodes[0]);
    expect(next[2]).toBe(nodes[2]);
    expect(next[1]!.childrenUuids).toEqual(["uuid-end"]);
    expect(nodes[1]!.fallbackChildUuid).toBe("uuid-oops");
  });

  it("refuses an unknown uuid", () => {
    expect(() => apply(graph(), { type: "removeNodes", uuids: ["uuid-end", "nope"] })).toThrow(/No node with uuid "nope"/);
  });
});
