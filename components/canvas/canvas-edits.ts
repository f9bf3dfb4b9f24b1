import type { WorkflowNode } from "@/lib/contract";
import { isStartNode, type WorkflowOperation } from "@/lib/workflow";
import { parseSourceHandle } from "@/lib/workflow/to-canvas";

/** The operation that connects a source handle (`child-<i>` or `fallback`) to a target node; null for a self-loop or an unknown handle. */
export function connectOperation(sourceUuid: string, sourceHandle: string | null | undefined, targetUuid: string): WorkflowOperation | null {
  if (sourceUuid === targetUuid) return null;
  const slot = parseSourceHandle(sourceHandle);
  if (slot === "fallback") return { type: "updateNode", uuid: sourceUuid, patch: { fallbackChildUuid: targetUuid } };
  if (slot === null) return null;
  return { type: "connect", sourceUuid, childIndex: slot, targetUuid };
}

/** The operation that empties a source handle (`child-<i>` or `fallback`); null for an unknown handle. */
export function disconnectOperation(sourceUuid: string, sourceHandle: string | null | undefined): WorkflowOperation | null {
  const slot = parseSourceHandle(sourceHandle);
  if (slot === "fallback") return { type: "updateNode", uuid: sourceUuid, patch: { fallbackChildUuid: null } };
  if (slot === null) return null;
  return { type: "disconnect", sourceUuid, childIndex: slot };
}

/** The source uuid and handle of a canvas edge id (`<uuid>-><handle>`, as `toCanvas` makes them). */
export function parseEdgeId(edgeId: string): { sourceUuid: string; handle: string } | null {
  const at = edgeId.lastIndexOf("->");
  return at > 0 ? { sourceUuid: edgeId.slice(0, at), handle: edgeId.slice(at + 2) } : null;
}

/**
 * What deleting the selection does: one `removeNodes` for the selected nodes (never the start
 * node: `keptStart` says it was spared) and a `disconnect` (or a cleared fallback) per selected
 * edge that does not vanish with them.
 */
export function deleteOperations(
  nodes: readonly WorkflowNode[],
  selectedUuids: readonly string[],
  selectedEdgeIds: Iterable<string>,
): { operations: WorkflowOperation[]; keptStart: boolean } {
  const byUuid = new Map(nodes.map((node) => [node.uuid, node]));
  const selected = selectedUuids.map((uuid) => byUuid.get(uuid)).filter((node): node is WorkflowNode => node !== undefined);
  const removed = selected.filter((node) => !isStartNode(node) && !(node.kind === "native" && node.actionSlug === "start"));
  const removedUuids = new Set(removed.map((node) => node.uuid));
  const operations: WorkflowOperation[] = removed.length > 0 ? [{ type: "removeNodes", uuids: [...removedUuids] }] : [];
  for (const edgeId of selectedEdgeIds) {
    const edge = parseEdgeId(edgeId);
    const source = edge && byUuid.get(edge.sourceUuid);
    if (!edge || !source || removedUuids.has(source.uuid)) continue;
    const slot = parseSourceHandle(edge.handle);
    const target = slot === "fallback" ? source.fallbackChildUuid : slot === null ? null : source.childrenUuids[slot];
    const operation = target && !removedUuids.has(target) ? disconnectOperation(source.uuid, edge.handle) : null;
    if (operation) operations.push(operation);
  }
  return { operations, keptStart: removed.length < selected.length };
}
