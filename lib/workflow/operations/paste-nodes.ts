import type { WorkflowNode } from "@/lib/contract";
import { WorkflowOperationError } from "./operation-error";
import { detach } from "./remove-nodes";

/**
 * Adds copies of nodes that already carry fresh uuids and slugs. Children and fallbacks pointing
 * outside the pasted set are cut (null / dropped): the copies join the graph unconnected.
 */
export interface PasteNodesOperation {
  type: "pasteNodes";
  nodes: WorkflowNode[];
}

export function pasteNodes(nodes: readonly WorkflowNode[], { nodes: pasted }: PasteNodesOperation): WorkflowNode[] {
  const existing = new Set(nodes.map((node) => node.uuid));
  const incoming = new Set<string>();
  for (const node of pasted) {
    if (existing.has(node.uuid) || incoming.has(node.uuid)) {
      throw new WorkflowOperationError(`A node with uuid "${node.uuid}" is already in the graph; give pasted nodes fresh uuids`);
    }
    incoming.add(node.uuid);
  }
  const outside = new Set(
    pasted.flatMap((node) => [...node.childrenUuids, node.fallbackChildUuid]).filter((uuid): uuid is string => typeof uuid === "string" && !incoming.has(uuid)),
  );
  return [...nodes, ...pasted.map((node) => detach(node, outside))];
}
