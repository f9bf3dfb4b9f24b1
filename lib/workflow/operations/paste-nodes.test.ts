import { describe, expect, it } from "vitest";
import { chain, makeNative } from "../testing/factories";
import { apply } from "./index";

describe("pasteNodes", () => {
  const graph = () => chain(makeNative("start", "start"), makeNative("end", "end"));

  it("adds the copies, keeping links inside the pasted set and cutting the others", () => {
    const copies = [
      makeNative("check2", "branch", { childrenUuids: ["uuid-yes2", "uuid-end"], fallbackChildUuid: "uuid-start" }),
      makeNative("yes2", "variables", { childrenUuids: ["uuid-end"] }),
    ];
    const next = apply(graph(), { type: "pasteNodes", nodes: copies });
    expect(next.map((node) => node.slug)).toEqual(["start", "end", "check2", "yes2"]);
    expect(next[2]!.childrenUuids).toEqual(["uuid-yes2", null]);
    expect(next[2]).not.toHaveProperty("fallbackChildUuid");
    expect(next[3]!.childrenUuids).toEqual([null]);
  });

  it("refuses a uuid already in the graph or repeated in the paste", () => {
    expect(() => apply(graph(), { type: "pasteNodes", nodes: [makeNative("end", "end")] })).toThrow(/fresh uuids/);
    expect(() => apply(graph(), { type: "pasteNodes", nodes: [makeNative("a", "end"), makeNative("a", "end")] })).toThrow(/fresh uuids/);
  });
});
