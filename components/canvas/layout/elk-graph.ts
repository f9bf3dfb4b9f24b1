import type { ElkNode } from "elkjs/lib/elk-api";
import type { NodePosition, WorkflowNode } from "@/lib/contract";
import { edges } from "@/lib/workflow";
import { CANVAS_NODE_HEIGHT, CANVAS_NODE_WIDTH, FALLBACK_HANDLE_ID, childHandleId, TARGET_HANDLE_ID } from "@/lib/workflow/to-canvas";

const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.spacing.nodeNodeBetweenLayers": "72",
  "elk.spacing.nodeNode": "48",
  "elk.spacing.componentComponent": "96",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.crossingMinimization.forceNodeModelOrder": "false",
};

const portId = (uuid: string, handle: string) => `${uuid}:${handle}`;

/**
 * The graph as ELK's layered algorithm takes it, top-down: every node the canvas size, with its
 * input port on top and its child ports along the bottom in slot order (so Yes stays left of No),
 * the failure port on the right.
 */
export function toElkGraph(nodes: readonly WorkflowNode[]): ElkNode {
  const known = new Set(nodes.map((node) => node.uuid));
  return {
    id: "root",
    layoutOptions: LAYOUT_OPTIONS,
    children: nodes.map((node) => ({
      id: node.uuid,
      width: CANVAS_NODE_WIDTH,
      height: CANVAS_NODE_HEIGHT,
      layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
      // FIXED_ORDER counts ports clockwise from the top-left: top, right, then the bottom from right to left.
      ports: [
        { id: portId(node.uuid, TARGET_HANDLE_ID), width: 1, height: 1, layoutOptions: { "elk.port.side": "NORTH", "elk.port.index": "0" } },
        { id: portId(node.uuid, FALLBACK_HANDLE_ID), width: 1, height: 1, layoutOptions: { "elk.port.side": "EAST", "elk.port.index": "1" } },
        ...node.childrenUuids.map((_, index) => ({
          id: portId(node.uuid, childHandleId(index)),
          width: 1,
          height: 1,
          layoutOptions: { "elk.port.side": "SOUTH", "elk.port.index": String(2 + node.childrenUuids.length - 1 - index) },
        })),
      ],
    })),
    edges: edges(nodes)
      .filter((edge) => known.has(edge.targetUuid) && edge.targetUuid !== edge.sourceUuid)
      .map((edge, index) => ({
        id: `e${index}`,
        sources: [portId(edge.sourceUuid, edge.childIndex === null ? FALLBACK_HANDLE_ID : childHandleId(edge.childIndex))],
        targets: [portId(edge.targetUuid, TARGET_HANDLE_ID)],
      })),
  };
}

/** Node positions from ELK's answer, rounded, for one `moveNodes`; only the nodes that actually moved. */
export function positionsFromElk(layout: ElkNode, nodes: readonly WorkflowNode[]): Record<string, NodePosition> {
  const current = new Map(nodes.map((node) => [node.uuid, node.position]));
  const positions: Record<string, NodePosition> = {};
  for (const child of layout.children ?? []) {
    const before = current.get(child.id);
    if (!before || child.x === undefined || child.y === undefined) continue;
    const position = { x: Math.round(child.x), y: Math.round(child.y) };
    if (position.x !== before.x || position.y !== before.y) positions[child.id] = position;
  }
  return positions;
}
