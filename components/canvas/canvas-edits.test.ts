import { describe, expect, it } from "vitest";
import { apply } from "@/lib/workflow";
import { makeNative } from "@/lib/workflow/testing/factories";
import { connectOperation, deleteOperations, disconnectOperation, parseEdgeId } from "./canvas-edits";

const start = makeNative("start", "start", { childrenUuids: ["uuid-check"] });
const check = makeNative("check", "branch", { childrenUuids: ["uuid-yes", "uuid-no"], fallbackChildUuid: "uuid-no" });
const yes = makeNative("yes", "end");
const no = makeNative("no", "end");
const graph = [start, check, yes, no];

describe("connectOperation", () => {
  it("connects a child slot, sets a fallback, and refuses self-loops and unknown handles", () => {
    expect(connectOperation("a", "child-1", "b")).toEqual({ type: "connect", sourceUuid: "a", childIndex: 1, targetUuid: "b" });
    expect(connectOperation("a", "fallback", "b")).toEqual({ type: "updateNode", uuid: "a", patch: { fallbackChildUuid: "b" } });
    expect(connectOperation("a", "child-0", "a")).toBeNull();
    expect(connectOperation("a", "in", "b")).toBeNull();
  });
});

describe("disconnectOperation", () => {
  it("empties a child slot, clears a fallback, and ignores unknown handles", () => {
    expect(disconnectOperation("a", "child-1")).toEqual({ type: "disconnect", sourceUuid: "a", childIndex: 1 });
    expect(disconnectOperation("a", "fallback")).toEqual({ type: "updateNode", uuid: "a", patch: { fallbackChildUuid: null } });
    expect(disconnectOperation("a", "in")).toBeNull();
  });
});

describe("parseEdgeId", () => {
  it("splits the source uuid from the handle", () => {
    expect(parseEdgeId("uuid-check->child-1")).toEqual({ sourceUuid: "uuid-check", handle: "child-1" });
    expect(parseEdgeId("nonsense")).toBeNull();
  });
});

describe("deleteOperations", () => {
  it("removes the selected nodes but never the start node", () => {
    const { operations, keptStart } = deleteOperations(graph, ["uuid-start", "uuid-yes"], []);
    expect(operations).toEqual([{ type: "removeNodes", uuids: ["uuid-yes"] }]);
    expect(keptStart).toBe(true);
    expect(deleteOperations(graph, ["uuid-start"], []).operations).toEqual([]);
  });

  it("disconnects selected edges, clears a selected fallback, and skips edges removed with their nodes", () => {
    const { operations, keptStart } = deleteOperations(graph, ["uuid-yes"], ["uuid-check->child-0", "uuid-check->child-1", "uuid-check->fallback"]);
    expect(keptStart).toBe(false);
    expect(operations).toEqual([
      { type: "removeNodes", uuids: ["uuid-yes"] },
      { type: "disconnect", sourceUuid: "uuid-check", childIndex: 1 },
      { type: "updateNode", uuid: "uuid-check", patch: { fallbackChildUuid: null } },
    ]);
    const after = operations.reduce(apply, graph);
    expect(after.find((node) => node.uuid === "uuid-check")).toMatchObject({ childrenUuids: [null, null] });
    expect(after.find((node) => node.uuid === "uuid-check")?.fallbackChildUuid).toBeUndefined();
  });
});
