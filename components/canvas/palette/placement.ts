import type { NodePosition, WorkflowNode } from "@/lib/contract";
import { reachableUuids, upstreamUuids } from "@/lib/workflow";
import { CANVAS_NODE_HEIGHT, CANVAS_NODE_WIDTH } from "@/lib/workflow/to-canvas";

const GAP_X = 48;
const GAP_Y = 80;
const MARGIN = 24;

/** Where a new node goes, what it is wired under, and which nodes make room for it. */
export interface Placement {
  position: NodePosition;
  parentUuid?: string;
  childIndex?: number;
  /** Nodes pushed down to make room when the new node is inserted between two others. */
  shifted?: Record<string, NodePosition>;
}

/**
 * Placement of a node added from the palette. Under `parentUuid` when it has a child slot: the
 * first free one, or else inserted into slot 0 (the node there moves under the new one, and it and
 * everything after it shift down a row) when the new node has a slot to take it. Otherwise at
 * `center` (the viewport's centre, in flow coordinates). Never on top of another node.
 */
export function placeNewNode(
  nodes: readonly WorkflowNode[],
  { parentUuid, newNodeSlots, center }: { parentUuid: string | null; newNodeSlots: number; center: NodePosition },
): Placement {
  const parent = parentUuid ? nodes.find((node) => node.uuid === parentUuid) : undefined;
  if (parent && parent.childrenUuids.length > 0) {
    const free = parent.childrenUuids.indexOf(null);
    if (free >= 0) return { position: clearSpot(nodes, slotPosition(parent, free)), parentUuid: parent.uuid, childIndex: free };
    const displaced = nodes.find((node) => node.uuid === parent.childrenUuids[0]);
    if (displaced && newNodeSlots > 0) {
      const fixed = upstreamUuids(nodes, parent.uuid);
      fixed.add(parent.uuid);
      const downstream = reachableUuids(nodes, displaced.uuid);
      const shifted: Record<string, NodePosition> = {};
      for (const node of nodes) {
        if (downstream.has(node.uuid) && !fixed.has(node.uuid)) {
          shifted[node.uuid] = { x: node.position.x, y: node.position.y + CANVAS_NODE_HEIGHT + GAP_Y };
        }
      }
      return { position: { ...displaced.position }, parentUuid: parent.uuid, childIndex: 0, shifted };
    }
  }
  const topLeft = { x: Math.round(center.x - CANVAS_NODE_WIDTH / 2), y: Math.round(center.y - CANVAS_NODE_HEIGHT / 2) };
  return { position: clearSpotNear(nodes, topLeft) };
}

/** Where child slot `index` of `parent` puts a new node: a row below, spread like the handles. */
function slotPosition(parent: WorkflowNode, index: number): NodePosition {
  const count = parent.childrenUuids.length;
  return {
    x: Math.round(parent.position.x + (index - (count - 1) / 2) * (CANVAS_NODE_WIDTH + GAP_X)),
    y: parent.position.y + CANVAS_NODE_HEIGHT + GAP_Y,
  };
}

/** Grid steps around a spot, nearest first (below before above, right before left on ties). */
const AROUND = [-2, -1, 0, 1, 2]
  .flatMap((row) => [-1, 0, 1].map((column) => ({ row, column })))
  .sort((a, b) => Math.hypot(a.column * 1.5, a.row) - Math.hypot(b.column * 1.5, b.row) || b.row - a.row || b.column - a.column);

/** `wanted`, or the nearest free spot around it (so it stays in view), else the first free one to its right. */
function clearSpotNear(nodes: readonly WorkflowNode[], wanted: NodePosition): NodePosition {
  for (const { row, column } of AROUND) {
    const spot = { x: wanted.x + column * (CANVAS_NODE_WIDTH + GAP_X), y: wanted.y + row * (CANVAS_NODE_HEIGHT + MARGIN * 2) };
    if (!nodes.some((node) => overlaps(node.position, spot))) return spot;
  }
  return clearSpot(nodes, wanted);
}

/** `wanted`, or the first spot to its right that no node covers. */
function clearSpot(nodes: readonly WorkflowNode[], wanted: NodePosition): NodePosition {
  const position = { ...wanted };
  for (let attempt = 0; attempt < 100 && nodes.some((node) => overlaps(node.position, position)); attempt++) {
    position.x += CANVAS_NODE_WIDTH + GAP_X;
  }
  return position;
}

function overlaps(a: NodePosition, b: NodePosition): boolean {
  return Math.abs(a.x - b.x) < CANVAS_NODE_WIDTH + MARGIN && Math.abs(a.y - b.y) < CANVAS_NODE_HEIGHT + MARGIN;
}
