import { describe, expect, it } from "vitest";
import type { Connector, Integration } from "@/lib/contract";
import { apply } from "@/lib/workflow";
import { makeNative } from "@/lib/workflow/testing/factories";
import { CANVAS_NODE_HEIGHT, CANVAS_NODE_WIDTH } from "@/lib/workflow/to-canvas";
import { buildPaletteGroups, filterPalette, newNodeSlug, nodeFromPaletteItem } from "./palette-items";
import { placeNewNode } from "./placement";

const action = (name: string, description = `${name} things`, children?: string[]) => ({
  name,
  description,
  config: { jsonSchema: { type: "object" }, uiSchema: {} },
  ...(children && { children: children.map((text) => ({ text })) }),
});

const integration = (slug: string, name: string, actions: Record<string, ReturnType<typeof action>>) =>
  ({ slug, name, actions }) as unknown as Integration;

const native = integration("native", "Built-in", {
  start: action("Start"),
  httpRequest: action("HTTP request"),
  branch: action("Branch", "Follows the first child when the condition is true", ["Yes", "No"]),
  end: action("End"),
  delay: action("Delay", "Waits before continuing"),
});
const crm = integration("demo_crm", "Demo CRM", { createRecord: action("Create record"), findRecord: action("Find record", "Looks up", ["Found", "Not found"]) });
const empty = integration("empty", "Empty", {});
const connector = (uuid: string, name: string, integrationSlug: string) => ({ uuid, name, integrationSlug }) as Connector;

describe("buildPaletteGroups", () => {
  const groups = buildPaletteGroups({
    native,
    connectors: [connector("c2", "Sales CRM", "demo_crm"), connector("c1", "Marketing CRM", "demo_crm"), connector("c3", "Nothing", "empty"), connector("c4", "Gone", "missing")],
    integrations: new Map([
      ["demo_crm", crm],
      ["empty", empty],
    ]),
  });

  it("lists built-ins without start, in the usual order, then one group per connector by name", () => {
    expect(groups.map((group) => [group.title, group.subtitle])).toEqual([
      ["Built-in", null],
      ["Marketing CRM", "Demo CRM"],
      ["Sales CRM", "Demo CRM"],
    ]);
    expect(groups[0]!.items.map((entry) => entry.actionSlug)).toEqual(["end", "branch", "delay", "httpRequest"]);
    expect(groups[1]!.items[1]).toMatchObject({ key: "c1:findRecord", name: "Find record", kind: "connector", connectorUuid: "c1", integrationSlug: "demo_crm", children: [{ text: "Found" }, { text: "Not found" }] });
  });

  it("filters by every word across name, description and group", () => {
    expect(filterPalette(groups, "bran").map((group) => group.items.map((entry) => entry.name))).toEqual([["Branch"]]);
    expect(filterPalette(groups, "sales record").map((group) => [group.title, group.items.map((entry) => entry.name)])).toEqual([["Sales CRM", ["Create record", "Find record"]]]);
    expect(filterPalette(groups, "waits")[0]!.items.map((entry) => entry.name)).toEqual(["Delay"]);
    expect(filterPalette(groups, "zzz")).toEqual([]);
    expect(filterPalette(groups, "  ")).toHaveLength(3);
  });
});

describe("newNodeSlug", () => {
  it("derives the slug from the action and makes it unique", () => {
    const nodes = [{ slug: "branch" }, { slug: "branch_2" }, { slug: "createRecord" }];
    expect(newNodeSlug("branch", nodes)).toBe("branch_3");
    expect(newNodeSlug("createRecord", nodes)).toBe("createRecord_2");
    expect(newNodeSlug("delay", nodes)).toBe("delay");
    expect(newNodeSlug("send-message!", [])).toBe("send_message");
  });
});

describe("nodeFromPaletteItem", () => {
  const [builtIns, marketing] = buildPaletteGroups({ native, connectors: [connector("c1", "Marketing CRM", "demo_crm")], integrations: new Map([["demo_crm", crm]]) });
  const position = { x: 1, y: 2 };

  it("makes a built-in node with one empty slot per child", () => {
    const branch = builtIns!.items.find((entry) => entry.actionSlug === "branch")!;
    expect(nodeFromPaletteItem(branch, { uuid: "u", slug: "branch", position })).toMatchObject({ kind: "native", actionSlug: "branch", childrenUuids: [null, null], position });
  });

  it("makes a connector node with the connector preset and a slot per named child", () => {
    const find = marketing!.items.find((entry) => entry.actionSlug === "findRecord")!;
    expect(nodeFromPaletteItem(find, { uuid: "u", slug: "findRecord", position })).toMatchObject({
      kind: "connector",
      integrationSlug: "demo_crm",
      actionSlug: "findRecord",
      connectorUuid: "c1",
      childrenUuids: [null, null],
    });
  });
});

describe("placeNewNode", () => {
  const center = { x: 1000, y: 1000 };
  const start = makeNative("start", "start", { childrenUuids: ["uuid-end"], position: { x: 0, y: 0 } });
  const end = makeNative("end", "end", { position: { x: 0, y: 200 } });
  const check = makeNative("check", "branch", { childrenUuids: ["uuid-end", null], position: { x: 0, y: 400 } });

  it("wires into the selected node's first free slot, a row below it", () => {
    const placement = placeNewNode([start, end, check], { parentUuid: "uuid-check", newNodeSlots: 0, center });
    expect(placement).toMatchObject({ parentUuid: "uuid-check", childIndex: 1 });
    expect(placement.position.y).toBe(400 + CANVAS_NODE_HEIGHT + 80);
    expect(placement.position.x).toBeGreaterThan(0);
  });

  it("inserts between a full parent and its child, pushing the rest down", () => {
    const placement = placeNewNode([start, end], { parentUuid: "uuid-start", newNodeSlots: 2, center });
    expect(placement).toMatchObject({ parentUuid: "uuid-start", childIndex: 0, position: { x: 0, y: 200 } });
    expect(placement.shifted).toEqual({ "uuid-end": { x: 0, y: 200 + CANVAS_NODE_HEIGHT + 80 } });
    const node = makeNative("check2", "branch", { position: placement.position });
    const after = apply([start, end], { type: "addNode", node, parentUuid: "uuid-start", childIndex: 0 });
    expect(after.find((n) => n.uuid === node.uuid)?.childrenUuids).toEqual(["uuid-end", null]);
  });

  it("goes to the viewport centre, clear of other nodes, when nothing can take it", () => {
    const atCenter = makeNative("busy", "end", { position: { x: center.x - CANVAS_NODE_WIDTH / 2, y: center.y - CANVAS_NODE_HEIGHT / 2 } });
    const placement = placeNewNode([start, end, atCenter], { parentUuid: "uuid-end", newNodeSlots: 0, center });
    expect(placement.parentUuid).toBeUndefined();
    // The nearest free spot: the row below the busy one.
    expect(placement.position).toEqual({ x: atCenter.position.x, y: atCenter.position.y + CANVAS_NODE_HEIGHT + 48 });
    expect(placeNewNode([start, end], { parentUuid: "uuid-start", newNodeSlots: 0, center }).parentUuid).toBeUndefined();
    expect(placeNewNode([], { parentUuid: null, newNodeSlots: 1, center }).position).toEqual({ x: 1000 - 120, y: 1000 - 36 });
  });
});
