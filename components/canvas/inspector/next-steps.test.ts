import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { apply } from "@/lib/workflow";
import { makeConnector, makeNative } from "@/lib/workflow/testing/factories";
import { makeTestCatalog } from "@/lib/workflow/testing/test-catalog";
import { nextStepOperation, nextStepOptions, nextStepSlots, nodeOptionLabel } from "./next-steps";

const catalog = makeTestCatalog();
const start = makeNative("start", "start", { childrenUuids: ["uuid-check"] });
const check = makeNative("check", "branch", { name: "Big order?", childrenUuids: ["uuid-tag", null] });
const tag = makeNative("tag", "variables", { childrenUuids: ["uuid-done"] });
const done = makeNative("done", "end");
const other = makeNative("other", "end");
const graph = [start, check, tag, done, other];

const slot = (node: WorkflowNode, handle: string) => nextStepSlots(node, catalog).find((candidate) => candidate.handle === handle)!;

describe("nextStepSlots", () => {
  it("lists a branch's Yes and No with their targets, then On failure", () => {
    expect(nextStepSlots(check, catalog)).toEqual([
      { handle: "child-0", label: "Yes", targetUuid: "uuid-tag" },
      { handle: "child-1", label: "No", targetUuid: null },
      { handle: "fallback", label: "On failure", targetUuid: null },
    ]);
  });

  it("names switch routes, split paths and a connector action's children as the canvas does", () => {
    const routes = makeNative("route", "switch", { config: { routes: [{ name: "EU" }, {}] }, childrenUuids: [null, null] });
    const split = makeNative("split", "split", { childrenUuids: [null, null] });
    const find = makeConnector("find", "findRecord", { childrenUuids: [null, null] });
    const labels = (node: WorkflowNode) => nextStepSlots(node, catalog).map((candidate) => candidate.label);
    expect(labels(routes)).toEqual(["EU", "Route 2", "On failure"]);
    expect(labels(split)).toEqual(["A", "B", "On failure"]);
    expect(labels(find)).toEqual(["Found", "Not found", "On failure"]);
  });

  it("leaves a one-child node's slot unnamed, gives a start node no On failure and an end node nothing", () => {
    expect(nextStepSlots(tag, catalog)).toEqual([
      { handle: "child-0", label: null, targetUuid: "uuid-done" },
      { handle: "fallback", label: "On failure", targetUuid: null },
    ]);
    expect(nextStepSlots(start, catalog).map((candidate) => candidate.handle)).toEqual(["child-0"]);
    expect(nextStepSlots(done, catalog)).toEqual([]);
  });

  it("numbers unnamed slots until the catalog names them, and keeps a fallback an end node still has", () => {
    expect(nextStepSlots(check, undefined).map((candidate) => candidate.label)).toEqual(["Path 1", "Path 2", "On failure"]);
    expect(nextStepSlots({ ...done, fallbackChildUuid: "uuid-other" }, catalog)).toEqual([{ handle: "fallback", label: "On failure", targetUuid: "uuid-other" }]);
  });
});

describe("nextStepOptions", () => {
  it("offers every other node but the start, and marks those that already lead back as loops", () => {
    expect(nextStepOptions(graph, tag)).toEqual([
      { uuid: "uuid-check", label: "Big order? (check)", loops: true },
      { uuid: "uuid-done", label: "done", loops: false },
      { uuid: "uuid-other", label: "other", loops: false },
    ]);
  });

  it("counts a fallback edge as leading back", () => {
    const withFallback = [start, check, { ...tag, fallbackChildUuid: "uuid-other" }, done, other];
    expect(nextStepOptions(withFallback, other).find((option) => option.uuid === "uuid-tag")?.loops).toBe(true);
    expect(nextStepOptions(graph, other).find((option) => option.uuid === "uuid-tag")?.loops).toBe(false);
  });
});

describe("nodeOptionLabel", () => {
  it("shows the name with the slug, or the slug alone", () => {
    expect(nodeOptionLabel({ name: "  Tag  ", slug: "tag" })).toBe("Tag (tag)");
    expect(nodeOptionLabel({ name: " ", slug: "tag" })).toBe("tag");
  });
});

describe("nextStepOperation", () => {
  it("connects and disconnects a child slot with the canvas's operations", () => {
    expect(nextStepOperation(check, slot(check, "child-1"), "uuid-other")).toEqual({ type: "connect", sourceUuid: "uuid-check", childIndex: 1, targetUuid: "uuid-other" });
    expect(nextStepOperation(check, slot(check, "child-0"), null)).toEqual({ type: "disconnect", sourceUuid: "uuid-check", childIndex: 0 });
  });

  it("sets and clears the fallback", () => {
    expect(nextStepOperation(check, slot(check, "fallback"), "uuid-other")).toEqual({ type: "updateNode", uuid: "uuid-check", patch: { fallbackChildUuid: "uuid-other" } });
    const withFallback = { ...check, fallbackChildUuid: "uuid-other" };
    expect(nextStepOperation(withFallback, slot(withFallback, "fallback"), null)).toEqual({ type: "updateNode", uuid: "uuid-check", patch: { fallbackChildUuid: null } });
  });

  it("makes no operation for the target already there or for the node itself", () => {
    expect(nextStepOperation(check, slot(check, "child-0"), "uuid-tag")).toBeNull();
    expect(nextStepOperation(check, slot(check, "child-1"), null)).toBeNull();
    expect(nextStepOperation(check, slot(check, "child-1"), "uuid-check")).toBeNull();
  });

  it("applies to the graph", () => {
    const after = apply(graph, nextStepOperation(check, slot(check, "child-1"), "uuid-other")!);
    expect(after[1]!.childrenUuids).toEqual(["uuid-tag", "uuid-other"]);
  });
});
