import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { successorIndexes } from "../cycles";
import { upstreamUuids } from "../graph";
import { makeNative } from "../testing/factories";
import { generateGraph } from "../testing/generate-graph";
import { createUpstreamIndex } from "./upstream-index";

/** A pseudo-random graph (a fixed linear congruential sequence), cycles and missing uuids included. */
function randomGraph(size: number, seed: number): WorkflowNode[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: size }, (_, index) =>
    makeNative(`n${index}`, "branch", {
      childrenUuids: [0, 1].map(() => (next() < 0.2 ? null : next() < 0.05 ? "missing" : `uuid-n${Math.floor(next() * size)}`)),
    }),
  );
}

describe("createUpstreamIndex", () => {
  it.each([
    ["a generated graph", generateGraph(120)],
    ["a random graph with cycles", randomGraph(80, 7)],
    ["another random graph", randomGraph(70, 42)],
  ])("agrees with upstreamUuids on %s (a node is never its own upstream)", (_, nodes) => {
    const index = createUpstreamIndex(successorIndexes(nodes));
    nodes.forEach((node, at) => {
      const expected = upstreamUuids(nodes, node.uuid);
      expected.delete(node.uuid);
      const actual = new Set(nodes.flatMap((other, otherAt) => (index.isUpstream(otherAt, at) ? [other.uuid] : [])));
      expect(actual).toEqual(expected);
    });
  });
});
