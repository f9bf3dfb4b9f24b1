import type { WorkflowNode } from "@/lib/contract";
import { indexOfNode } from "./lookup";

/** Removes nodes; child slots pointing at them become null and fallbacks to them are dropped. */
export interface RemoveNodesOperation {
  type: "removeNodes";
  uuids: string[];
}

export function removeNodes(nodes: readonly WorkflowNode[], { uuids }: RemoveNodesOperation): WorkflowNode[] {
  for (const uuid of uuids) indexOfNode(nodes, uuid);
  const removed = new Set(uuids);
  return nodes.filter((node) => !removed.has(node.uuid)).map((node) => detach(node, removed));
}

/** The node without references to `removed` (the same object when it had none). */
export function detach(node: WorkflowNode, removed: ReadonlySet<string>): WorkflowNode {
  const pointsAtRemoved = node.childrenUuids.some((uuid) => uuid !== null && removed.has(uuid));
  const fallbackRemoved = typeof node.fallbackChildUuid === "string" && removed.has(node.fallbackChildUuid);
  if (!pointsAtRemoved && !fallbackRemoved) return node;
  const { fallbackChildUuid, ...rest } = node;
  return {
    ...rest,
    ...(!fallbackRemoved && fallbackChildUuid !== undefined && { fallbackChildUuid }),
    childrenUuids: node.childrenUuids.map((uuid) => (uuid !== null && removed.has(uuid) ? null : uuid)),
  } as WorkflowNode;
}
