import { describe, expect, it } from "vitest";
import { makeNative } from "@/lib/workflow/testing/factories";
import { CANVAS_NODE_HEIGHT, CANVAS_NODE_WIDTH } from "@/lib/workflow/to-canvas";
import { autoLayoutPositions } from "./auto-layout";
import { toElkGraph } from "./elk-graph";

const at = (x: number, y: number) => ({ position: { x, y } });
const graph = [
  makeNative("start", "start", { childrenUuids: ["uuid-check"], ...at(500, 500) }),
  makeNative("check", "branch", { childrenUuids: ["uuid-yes", "uuid-no"], ...at(0, 0) }),
  makeNative("yes", "end", at(0, 0)),
  makeNative("no", "end", at(0, 0)),
];

describe("auto layout", () => {
  it("gives ELK every node at canvas size, with ports in slot order", () => {
    const elk = toElkGraph(graph);
    expect(elk.children?.map((child) => [child.id, child.width, child.height])).toContainEqual(["uuid-check", CANVAS_NODE_WIDTH, CANVAS_NODE_HEIGHT]);
    expect(elk.children?.[1]?.ports?.map((port) => port.id)).toEqual(["uuid-check:in", "uuid-check:fallback", "uuid-check:child-0", "uuid-check:child-1"]);
    expect(elk.edges?.map((edge) => [edge.sources[0], edge.targets[0]])).toEqual([
      ["uuid-start:child-0", "uuid-check:in"],
      ["uuid-check:child-0", "uuid-yes:in"],
      ["uuid-check:child-1", "uuid-no:in"],
    ]);
  });

  it("lays the graph out top-down without overlaps, Yes left of No", async () => {
    const positions = await autoLayoutPositions(graph);
    const start = positions["uuid-start"]!;
    const check = positions["uuid-check"]!;
    const yes = positions["uuid-yes"]!;
    const no = positions["uuid-no"]!;
    expect(check.y).toBeGreaterThanOrEqual(start.y + CANVAS_NODE_HEIGHT);
    expect(yes.y).toBeGreaterThanOrEqual(check.y + CANVAS_NODE_HEIGHT);
    expect(yes.y).toBe(no.y);
    expect(no.x).toBeGreaterThanOrEqual(yes.x + CANVAS_NODE_WIDTH);
  });
});
