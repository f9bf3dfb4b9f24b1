import { describe, expect, it } from "vitest";
import { apply } from "./operations";
import { chain, makeConnector, makeNative } from "./testing/factories";
import { generateGraph } from "./testing/generate-graph";
import { makeTestCatalog } from "./testing/test-catalog";
import {
  CANVAS_HANDLE_SIZE,
  CANVAS_NODE_HEIGHT,
  CANVAS_NODE_WIDTH,
  childLabels,
  createCanvasMapper,
  hasFallbackHandle,
  hasTargetHandle,
  parseSourceHandle,
  toCanvas,
  type CanvasEdge,
} from "./to-canvas";

const catalog = makeTestCatalog();

function branchGraph() {
  const start = makeNative("start", "start");
  const check = makeNative("check", "branch");
  const yes = makeNative("yes", "end");
  const no = makeNative("no", "end");
  return [
    { ...start, childrenUuids: [check.uuid] },
    { ...check, childrenUuids: [yes.uuid, no.uuid], fallbackChildUuid: no.uuid },
    yes,
    no,
  ];
}

const edgeSummary = (edge: CanvasEdge) => ({ from: edge.source, handle: edge.sourceHandle, to: edge.target, label: edge.data.label, kind: edge.data.kind });

describe("toCanvas", () => {
  it("makes one step node per domain node, pre-sized, named and findable", () => {
    const { nodes } = toCanvas(branchGraph(), catalog);
    expect(nodes.map((node) => node.id)).toEqual(["uuid-start", "uuid-check", "uuid-yes", "uuid-no"]);
    const check = nodes[1]!;
    expect(check).toMatchObject({
      type: "step",
      width: CANVAS_NODE_WIDTH,
      height: CANVAS_NODE_HEIGHT,
      measured: { width: CANVAS_NODE_WIDTH, height: CANVAS_NODE_HEIGHT },
      ariaLabel: "check",
      domAttributes: { "data-testid": "node-check" },
      data: { uuid: "uuid-check", slug: "check", title: "check", actionName: "Branch", integrationName: null, hasTarget: true, hasFallback: true, fallbackConnected: true },
    });
    expect(check.data.slots).toEqual([
      { id: "child-0", label: "Yes", offset: 1 / 3, connected: true },
      { id: "child-1", label: "No", offset: 2 / 3, connected: true },
    ]);
  });

  it("lays out one target handle on top, one source handle per child slot at the bottom and the fallback on the right", () => {
    const [start, check, end] = toCanvas(branchGraph(), catalog).nodes;
    const half = CANVAS_HANDLE_SIZE / 2;
    expect(start!.handles.map((handle) => handle.id)).toEqual(["child-0"]);
    expect(end!.handles.map((handle) => handle.id)).toEqual(["in"]);
    expect(check!.handles).toEqual([
      { id: "in", type: "target", position: "top", x: CANVAS_NODE_WIDTH / 2 - half, y: -half, width: CANVAS_HANDLE_SIZE, height: CANVAS_HANDLE_SIZE },
      { id: "child-0", type: "source", position: "bottom", x: CANVAS_NODE_WIDTH / 3 - half, y: CANVAS_NODE_HEIGHT - half, width: CANVAS_HANDLE_SIZE, height: CANVAS_HANDLE_SIZE },
      { id: "child-1", type: "source", position: "bottom", x: (2 * CANVAS_NODE_WIDTH) / 3 - half, y: CANVAS_NODE_HEIGHT - half, width: CANVAS_HANDLE_SIZE, height: CANVAS_HANDLE_SIZE },
      { id: "fallback", type: "source", position: "right", x: CANVAS_NODE_WIDTH - half, y: CANVAS_NODE_HEIGHT / 2 - half, width: CANVAS_HANDLE_SIZE, height: CANVAS_HANDLE_SIZE },
    ]);
  });

  it("makes one edge per non-null child, labelled from the action's children, and a dashed-kind fallback edge", () => {
    const { edges } = toCanvas(branchGraph(), catalog);
    expect(edges.map(edgeSummary)).toEqual([
      { from: "uuid-start", handle: "child-0", to: "uuid-check", label: null, kind: "child" },
      { from: "uuid-check", handle: "child-0", to: "uuid-yes", label: "Yes", kind: "child" },
      { from: "uuid-check", handle: "child-1", to: "uuid-no", label: "No", kind: "child" },
      { from: "uuid-check", handle: "fallback", to: "uuid-no", label: "On failure", kind: "fallback" },
    ]);
    expect(edges[1]).toMatchObject({
      id: "uuid-check->child-0",
      targetHandle: "in",
      ariaLabel: "check to yes (Yes)",
      domAttributes: { "data-testid": "edge-check-child-0", "data-source-slug": "check", "data-target-slug": "yes", "data-handle": "child-0" },
    });
  });

  it("skips empty slots and children pointing at nodes that are not in the graph", () => {
    const start = makeNative("start", "start", { childrenUuids: ["nowhere"] });
    const check = makeNative("check", "branch", { childrenUuids: [null, null] });
    expect(toCanvas([start, check], catalog).edges).toEqual([]);
  });

  it("labels switch routes by name, split slots A/B and a connector action's named children", () => {
    const route = makeNative("route", "switch", { config: { routes: [{ name: "Big", value: "x" }, { value: "y" }] }, childrenUuids: [null, null] });
    expect(childLabels(route, catalog)).toEqual(["Big", "Route 2"]);
    expect(childLabels(makeNative("ab", "split"), catalog)).toEqual(["A", "B"]);
    expect(childLabels(makeConnector("find", "findRecord"), catalog)).toEqual(["Found", "Not found"]);
    expect(childLabels(makeConnector("create", "createRecord"), catalog)).toEqual([null]);
    expect(childLabels(makeNative("ab", "split"), undefined)).toEqual([null, null]);
  });

  it("names connector nodes' action and integration, with a readable fallback for unknown ones", () => {
    const { nodes } = toCanvas([makeConnector("create", "createRecord", { name: "Create the lead" }), makeNative("odd", "somethingNew", { childrenUuids: [] })], catalog);
    expect(nodes[0]!.data).toMatchObject({ title: "Create the lead", actionName: "Create record", integrationName: "CRM", kind: "connector" });
    expect(nodes[0]!.ariaLabel).toBe("Create the lead");
    expect(nodes[1]!.data.actionName).toBe("Something new");
  });

  it("reuses the canvas objects of every node an operation did not touch", () => {
    const graph = generateGraph(1000);
    const before = toCanvas(graph, catalog);
    const moved = graph[500]!;
    const after = toCanvas(apply(graph, { type: "moveNodes", positions: { [moved.uuid]: { x: 9, y: 9 } } }), catalog);

    const changedNodes = after.nodes.filter((node, index) => node !== before.nodes[index]);
    expect(changedNodes.map((node) => node.id)).toEqual([moved.uuid]);
    expect(changedNodes[0]!.position).toEqual({ x: 9, y: 9 });
    const beforeEdges = new Set(before.edges);
    const changedEdges = after.edges.filter((edge) => !beforeEdges.has(edge));
    // Only the edges into and out of the moved node are rebuilt.
    expect(changedEdges.length).toBeGreaterThan(0);
    expect(changedEdges.every((edge) => edge.source === moved.uuid || edge.target === moved.uuid)).toBe(true);
  });

  it("rebuilds edges into a renamed node, since their labels name it", () => {
    const graph = chain(makeNative("start", "start"), makeNative("done", "end"));
    const before = toCanvas(graph, catalog);
    const after = toCanvas(apply(graph, { type: "renameNode", uuid: "uuid-done", slug: "finish" }), catalog);
    expect(after.edges[0]).not.toBe(before.edges[0]);
    expect(after.edges[0]!.domAttributes["data-target-slug"]).toBe("finish");
    expect(after.nodes[1]!.domAttributes["data-testid"]).toBe("node-finish");
  });

  it("follows the catalog once it loads, replacing only the nodes whose labels change", () => {
    const graph = branchGraph();
    const mapper = createCanvasMapper();
    const before = mapper(graph, undefined);
    expect(before.nodes[1]!.data.slots.map((slot) => slot.label)).toEqual([null, null]);
    const after = mapper(graph, catalog);
    expect(after.nodes[1]!.data.slots.map((slot) => slot.label)).toEqual(["Yes", "No"]);
    expect(after.nodes.map((node, index) => node === before.nodes[index])).toEqual([true, false, true, true]);
    expect(after.edges.map((edge) => edge.data.label)).toEqual([null, "Yes", "No", "On failure"]);
    expect(after.edges[0]).toBe(before.edges[0]);
    expect(mapper(graph, catalog).nodes[1]).toBe(after.nodes[1]);
  });
});

describe("parseSourceHandle", () => {
  it("reads child slots and the fallback", () => {
    expect(parseSourceHandle("child-2")).toBe(2);
    expect(parseSourceHandle("fallback")).toBe("fallback");
    expect(parseSourceHandle("in")).toBeNull();
    expect(parseSourceHandle(null)).toBeNull();
  });
});

describe("hasTargetHandle and hasFallbackHandle", () => {
  it("give a start node no input and no On failure, an end node no On failure, and every other node both", () => {
    const handles = (node: Parameters<typeof hasFallbackHandle>[0]) => [hasTargetHandle(node), hasFallbackHandle(node)];
    expect(handles(makeNative("start", "start"))).toEqual([false, false]);
    expect(handles(makeNative("end", "end"))).toEqual([true, false]);
    expect(handles(makeNative("check", "branch"))).toEqual([true, true]);
    expect(handles(makeConnector("create", "createRecord"))).toEqual([true, true]);
  });
});
