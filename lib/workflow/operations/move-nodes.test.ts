import { describe, expect, it } from "vitest";
import { makeNative } from "../testing/factories";
import { apply } from "./index";

describe("moveNodes", () => {
  const graph = () => [makeNative("start", "start"), makeNative("end", "end")];

  it("sets the positions given and shares the other nodes", () => {
    const nodes = graph();
    const next = apply(nodes, { type: "moveNodes", positions: { "uuid-end": { x: 200, y: 166 } } });
    expect(next[1]!.position).toEqual({ x: 200, y: 166 });
    expect(next[0]).toBe(nodes[0]);
    expect(nodes[1]!.position).toEqual({ x: 0, y: 0 });
  });

  it("refuses an unknown uuid", () => {
    expect(() => apply(graph(), { type: "moveNodes", positions: { nope: { x: 0, y: 0 } } })).toThrow(/No node with uuid "nope"/);
  });
});
