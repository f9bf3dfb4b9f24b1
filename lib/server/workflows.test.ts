import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { defaultWorkflowNodes, withFreshUuids } from "./workflows";

const node = (uuid: string, childrenUuids: Array<string | null>, fallbackChildUuid?: string | null): WorkflowNode => ({
  uuid,
  slug: uuid,
  kind: "native",
  actionSlug: "variables",
  config: {},
  childrenUuids,
  fallbackOnFailure: false,
  ...(fallbackChildUuid !== undefined && { fallbackChildUuid }),
  position: { x: 0, y: 0 },
});

describe("defaultWorkflowNodes", () => {
  it("joins a start node to an end node", () => {
    const [start, end] = defaultWorkflowNodes() as [WorkflowNode, WorkflowNode];
    expect(start).toMatchObject({ slug: "start", kind: "native", actionSlug: "start", childrenUuids: [end.uuid], position: { x: 0, y: 0 } });
    expect(end).toMatchObject({ slug: "end", actionSlug: "end", config: { variables: [] }, childrenUuids: [], position: { x: 0, y: 166 } });
    expect(defaultWorkflowNodes()[0]?.uuid).not.toBe(start.uuid);
  });
});

describe("withFreshUuids", () => {
  it("renames every node and re-points children and fallbacks, keeping gaps and outside links", () => {
    const original = [node("a", ["b", null], "c"), node("b", ["c"]), node("c", ["outside"], null)];
    const copy = withFreshUuids(original);
    const [a, b, c] = copy as [WorkflowNode, WorkflowNode, WorkflowNode];
    expect(new Set(copy.map((n) => n.uuid)).size).toBe(3);
    for (const n of copy) expect(original.map((o) => o.uuid)).not.toContain(n.uuid);
    expect(a.childrenUuids).toEqual([b.uuid, null]);
    expect(a.fallbackChildUuid).toBe(c.uuid);
    expect(b.childrenUuids).toEqual([c.uuid]);
    expect(b).not.toHaveProperty("fallbackChildUuid");
    expect(c.childrenUuids).toEqual(["outside"]);
    expect(c.fallbackChildUuid).toBeNull();
    expect(copy.map((n) => n.slug)).toEqual(["a", "b", "c"]);
  });
});
