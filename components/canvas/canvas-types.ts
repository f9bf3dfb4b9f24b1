import type { Edge, Node } from "@xyflow/react";
import type { CanvasEdge, CanvasEdgeData, CanvasNode, StepNodeData } from "@/lib/workflow/to-canvas";

export type StepNode = Node<StepNodeData, "step">;
export type FlowEdge = Edge<CanvasEdgeData, "flow">;

/** Whether a React Flow node is one of ours (the only kind the canvas renders). */
export function isStepNode(node: Node): node is StepNode {
  return node.type === "step";
}

/**
 * `lib/workflow/to-canvas` builds React Flow nodes without importing React Flow: its handle
 * positions are the string values of React Flow's `Position` enum, so the objects are the same.
 */
export function asStepNodes(nodes: CanvasNode[]): StepNode[] {
  return nodes as unknown as StepNode[];
}

export function asFlowEdges(edges: CanvasEdge[]): FlowEdge[] {
  return edges;
}
