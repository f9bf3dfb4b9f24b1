import { describe, expect, it } from "vitest";
import { nodesOnCycles } from "./cycles";
import { childrenCount, edges, findStartNode, nodeByUuid, reachableFromStart, upstreamUuids } from "./graph";
import { newConnectorNode, newStartEndGraph } from "./new-node";
import { chain, makeConnector, makeNative } from "./testing/factories";
import { makeTestCatalog } from "./testing/test-catalog";

const catalog = makeTestCatalog();

/** start → check ─yes→ a ─┐
 *                └no→ b ──┴→ end,  plus an orphan. */
function diamond() {
  return [
    makeNative("start", "start", { childrenUuids: ["uuid-check"] }),
    makeNative("check", "branch", { childrenUuids: ["uuid-a", "uuid-b"] }),
    makeNative("a", "variables", { childrenUuids: ["uuid-end"] }),
    makeNative("b", "variables", { childrenUuids: ["uuid-end"], fallbackChildUuid: "uuid-oops" }),
    makeNative("end", "end"),
    makeNative("oops", "end"),
    makeNative("orphan", "variables", { childrenUuids: ["uuid-end"] }),
  ];
}

describe("graph helpers", () => {
  it("finds the start node: slug start and the native start action", () => {
    expect(findStartNode([makeNative("start", "variables"), makeNative("begin", "start")])).toBeUndefined();
    expect(findStartNode(diamond())?.uuid).toBe("uuid-start");
  });

  it("maps nodes by uuid, the first of a duplicated uuid winning", () => {
    const map = nodeByUuid([makeNative("a", "end"), makeNative("b", "end", { uuid: "uuid-a" })]);
    expect(map.get("uuid-a")?.slug).toBe("a");
  });

  it.each([
    ["start", {}, 1],
    ["end", {}, 0],
    ["variables", {}, 1],
    ["filter", {}, 1],
    ["delay", {}, 1],
    ["httpRequest", {}, 1],
    ["group", {}, 1],
    ["branch", {}, 2],
    ["split", {}, 2],
    ["switch", { routes: [{}, {}, {}] }, 3],
    ["switch", { routes: { kind: "jsExpression", expression: "x" } }, 0],
  ])("a native %s node has %#: %i children", (actionSlug, config, expected) => {
    expect(childrenCount(makeNative("n", actionSlug, { config }), catalog)).toBe(expected);
  });

  it("a connector node has max(children.length, 1) children", () => {
    expect(childrenCount(makeConnector("a", "createRecord"), catalog)).toBe(1);
    expect(childrenCount(makeConnector("b", "findRecord"), catalog)).toBe(2);
    expect(childrenCount(makeConnector("c", "unknownAction"), catalog)).toBe(1);
    expect(newConnectorNode({ uuid: "u", slug: "f", integrationSlug: "crm", actionSlug: "findRecord" }, catalog).childrenUuids).toEqual([null, null]);
  });

  it("lists edges: children in order, then the fallback", () => {
    expect(edges(diamond()).filter((edge) => edge.sourceUuid === "uuid-b")).toEqual([
      { sourceUuid: "uuid-b", targetUuid: "uuid-end", childIndex: 0 },
      { sourceUuid: "uuid-b", targetUuid: "uuid-oops", childIndex: null },
    ]);
  });

  it("upstreamUuids are all ancestors, through both branch arms", () => {
    expect([...upstreamUuids(diamond(), "uuid-end")].sort()).toEqual(["uuid-a", "uuid-b", "uuid-check", "uuid-orphan", "uuid-start"]);
    expect([...upstreamUuids(diamond(), "uuid-oops")].sort()).toEqual(["uuid-b", "uuid-check", "uuid-start"]);
    expect(upstreamUuids(diamond(), "uuid-start").size).toBe(0);
  });

  it("reachableFromStart follows children and fallbacks", () => {
    expect(reachableFromStart(diamond()).has("uuid-oops")).toBe(true);
    expect(reachableFromStart(diamond()).has("uuid-orphan")).toBe(false);
    expect(reachableFromStart([makeNative("a", "end")]).size).toBe(0);
  });

  it("finds the nodes on cycles", () => {
    const looped = chain(makeNative("start", "start"), makeNative("a", "variables"), makeNative("b", "variables", { childrenUuids: ["uuid-a"] }));
    expect([...nodesOnCycles(looped)].sort()).toEqual(["uuid-a", "uuid-b"]);
    expect(nodesOnCycles([makeNative("self", "variables", { childrenUuids: ["uuid-self"] })])).toEqual(new Set(["uuid-self"]));
    expect(nodesOnCycles(diamond()).size).toBe(0);
  });

  it("newStartEndGraph is the smallest valid graph", () => {
    const [start, end] = newStartEndGraph({ startUuid: "s", endUuid: "e" });
    expect(start).toMatchObject({ slug: "start", actionSlug: "start", childrenUuids: ["e"], config: {} });
    expect(end).toMatchObject({ slug: "end", actionSlug: "end", childrenUuids: [], config: { variables: [] } });
  });
});
