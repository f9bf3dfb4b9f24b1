import { describe, expect, it } from "vitest";
import { findStartNode } from "../graph";
import { validateNodes } from "../validation/validate-nodes";
import { generateGraph } from "./generate-graph";
import { makeTestCatalog } from "./test-catalog";

describe("generateGraph", () => {
  it.each([2, 3, 7, 50, 300])("makes exactly %i nodes that validate cleanly", (count) => {
    const nodes = generateGraph(count);
    expect(nodes).toHaveLength(count);
    expect(findStartNode(nodes)).toBeDefined();
    expect(validateNodes(nodes, makeTestCatalog())).toEqual({ outcome: "valid", warnings: [] });
  });

  it("is deterministic and uses branches and node references", () => {
    const nodes = generateGraph(40);
    expect(generateGraph(40)).toEqual(nodes);
    expect(nodes.some((node) => node.kind === "native" && node.actionSlug === "branch")).toBe(true);
    expect(JSON.stringify(nodes)).toMatch(/\{\{nodes\.vars_\d+\.count/);
  });
});
