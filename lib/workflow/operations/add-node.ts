import type { WorkflowNode } from "@/lib/contract";
import { checkChildIndex, indexOfNode, replaceAt, withChild } from "./lookup";
import { WorkflowOperationError } from "./operation-error";

/**
 * Adds a node. With `parentUuid`, it becomes the parent's child at `childIndex` (default 0); a
 * node already in that slot moves down to the new node's first child ("insert between").
 */
export interface AddNodeOperation {
  type: "addNode";
  node: WorkflowNode;
  parentUuid?: string;
  childIndex?: number;
}

export function addNode(nodes: readonly WorkflowNode[], { node, parentUuid, childIndex = 0 }: AddNodeOperation): WorkflowNode[] {
  if (nodes.some((existing) => existing.uuid === node.uuid)) {
    throw new WorkflowOperationError(`A node with uuid "${node.uuid}" is already in the graph`);
  }
  if (parentUuid === undefined) return [...nodes, node];
  const parentIndex = indexOfNode(nodes, parentUuid, "parent node");
  const parent = nodes[parentIndex]!;
  checkChildIndex(parent, childIndex);
  const displaced = parent.childrenUuids[childIndex] ?? null;
  let added = node;
  if (displaced !== null) {
    if (node.childrenUuids.length === 0) {
      throw new WorkflowOperationError(`Node "${node.slug}" has no child slot to take over the node after "${parent.slug}"; connect it elsewhere`);
    }
    if (node.childrenUuids[0] !== null && node.childrenUuids[0] !== displaced) {
      throw new WorkflowOperationError(`Node "${node.slug}" already has a first child, so it cannot be inserted after "${parent.slug}"`);
    }
    added = withChild(node, 0, displaced);
  }
  return [...replaceAt(nodes, parentIndex, withChild(parent, childIndex, node.uuid)), added];
}
