import type { WorkflowNode } from "@/lib/contract";
import { checkChildIndex, indexOfNode, replaceAt, withChild } from "./lookup";

/** Points the source's child slot `childIndex` at the target, replacing whatever was there. */
export interface ConnectOperation {
  type: "connect";
  sourceUuid: string;
  childIndex: number;
  targetUuid: string;
}

export function connect(nodes: readonly WorkflowNode[], { sourceUuid, childIndex, targetUuid }: ConnectOperation): WorkflowNode[] {
  const sourceIndex = indexOfNode(nodes, sourceUuid, "source node");
  indexOfNode(nodes, targetUuid, "target node");
  const source = nodes[sourceIndex]!;
  checkChildIndex(source, childIndex);
  return replaceAt(nodes, sourceIndex, withChild(source, childIndex, targetUuid));
}
