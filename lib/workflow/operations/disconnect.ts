import type { WorkflowNode } from "@/lib/contract";
import { checkChildIndex, indexOfNode, replaceAt, withChild } from "./lookup";

/** Empties the source's child slot `childIndex` (null: a run ends there). */
export interface DisconnectOperation {
  type: "disconnect";
  sourceUuid: string;
  childIndex: number;
}

export function disconnect(nodes: readonly WorkflowNode[], { sourceUuid, childIndex }: DisconnectOperation): WorkflowNode[] {
  const sourceIndex = indexOfNode(nodes, sourceUuid, "source node");
  const source = nodes[sourceIndex]!;
  checkChildIndex(source, childIndex);
  return replaceAt(nodes, sourceIndex, withChild(source, childIndex, null));
}
