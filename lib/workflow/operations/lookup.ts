import type { WorkflowNode } from "@/lib/contract";
import { WorkflowOperationError } from "./operation-error";

/** Index of the node with `uuid`; throws naming the node's `role` in the operation when there is none. */
export function indexOfNode(nodes: readonly WorkflowNode[], uuid: string, role = "node"): number {
  const index = nodes.findIndex((node) => node.uuid === uuid);
  if (index === -1) throw new WorkflowOperationError(`No ${role} with uuid "${uuid}" in the graph`);
  return index;
}

/** Throws unless `childIndex` names one of the node's child slots. */
export function checkChildIndex(node: WorkflowNode, childIndex: number): void {
  if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex >= node.childrenUuids.length) {
    const slots = node.childrenUuids.length;
    throw new WorkflowOperationError(
      `Node "${node.slug}" has ${slots} child slot${slots === 1 ? "" : "s"}; child index ${childIndex} is out of range`,
    );
  }
}

/** A copy of `nodes` with the node at `index` replaced. */
export function replaceAt(nodes: readonly WorkflowNode[], index: number, node: WorkflowNode): WorkflowNode[] {
  const copy = nodes.slice();
  copy[index] = node;
  return copy;
}

/** A copy of `childrenUuids` with one slot set. */
export function withChild(node: WorkflowNode, childIndex: number, uuid: string | null): WorkflowNode {
  const childrenUuids = node.childrenUuids.slice();
  childrenUuids[childIndex] = uuid;
  return { ...node, childrenUuids };
}
