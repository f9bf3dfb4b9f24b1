import type { NodePosition, WorkflowNode } from "@/lib/contract";
import { indexOfNode } from "./lookup";

/** Sets the canvas position of some nodes. */
export interface MoveNodesOperation {
  type: "moveNodes";
  positions: Record<string, NodePosition>;
}

export function moveNodes(nodes: readonly WorkflowNode[], { positions }: MoveNodesOperation): WorkflowNode[] {
  for (const uuid of Object.keys(positions)) indexOfNode(nodes, uuid);
  return nodes.map((node) => {
    const position = Object.hasOwn(positions, node.uuid) ? positions[node.uuid] : undefined;
    return position ? { ...node, position: { x: position.x, y: position.y } } : node;
  });
}
