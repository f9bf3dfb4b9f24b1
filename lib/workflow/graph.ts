import { ownEntry } from "@/lib/contract/own-entry";
import type { WorkflowNode } from "@/lib/contract";
import type { ValidationCatalog } from "./catalog";
import { NATIVE_INTEGRATION_SLUG, nativeChildrenCount } from "./native-kinds";

/** One outgoing edge: a child slot (`childIndex`) or the failure fallback (`childIndex: null`). */
export interface GraphEdge {
  sourceUuid: string;
  targetUuid: string;
  childIndex: number | null;
}

/** Whether a node is the entry node: slug "start" and the native start action. */
export function isStartNode(node: WorkflowNode): boolean {
  return node.slug === "start" && node.kind === "native" && node.actionSlug === "start";
}

/** The graph's entry node (the first one when there are several), if any. */
export function findStartNode(nodes: readonly WorkflowNode[]): WorkflowNode | undefined {
  return nodes.find(isStartNode);
}

/** Nodes by uuid; when a uuid is duplicated, the first node holding it wins. */
export function nodeByUuid(nodes: readonly WorkflowNode[]): Map<string, WorkflowNode> {
  const map = new Map<string, WorkflowNode>();
  for (const node of nodes) if (!map.has(node.uuid)) map.set(node.uuid, node);
  return map;
}

/**
 * How many entries `childrenUuids` must have: fixed for built-ins (a switch has one per route), and
 * `max(children.length, 1)` for an integration action, whose children name its outgoing edges.
 */
export function childrenCount(node: WorkflowNode, catalog: Pick<ValidationCatalog, "integrations">): number {
  if (node.kind === "native") {
    const fixed = nativeChildrenCount(node.actionSlug, node.config);
    if (fixed !== undefined) return fixed;
  }
  const integrationSlug = node.kind === "native" ? NATIVE_INTEGRATION_SLUG : node.integrationSlug;
  const action = ownEntry(ownEntry(catalog.integrations, integrationSlug)?.actions, node.actionSlug);
  return Math.max(action?.children?.length ?? 0, 1);
}

/** The node's outgoing edges: each non-null child, then the fallback child. */
export function edgesOf(node: WorkflowNode): GraphEdge[] {
  const edges: GraphEdge[] = [];
  node.childrenUuids.forEach((targetUuid, childIndex) => {
    if (targetUuid !== null) edges.push({ sourceUuid: node.uuid, targetUuid, childIndex });
  });
  if (node.fallbackChildUuid) edges.push({ sourceUuid: node.uuid, targetUuid: node.fallbackChildUuid, childIndex: null });
  return edges;
}

/** Every edge of the graph, in node order. */
export function edges(nodes: readonly WorkflowNode[]): GraphEdge[] {
  return nodes.flatMap(edgesOf);
}

/** Uuids the node leads to, through its children or its fallback. */
export function successorUuids(node: WorkflowNode): string[] {
  const successors = node.childrenUuids.filter((uuid): uuid is string => uuid !== null);
  if (node.fallbackChildUuid) successors.push(node.fallbackChildUuid);
  return successors;
}

/** Every ancestor of a node: the uuids of nodes from which it can be reached. The node itself only on a cycle. */
export function upstreamUuids(nodes: readonly WorkflowNode[], uuid: string): Set<string> {
  const parents = new Map<string, string[]>();
  for (const node of nodes) {
    for (const child of successorUuids(node)) {
      const list = parents.get(child);
      if (list) list.push(node.uuid);
      else parents.set(child, [node.uuid]);
    }
  }
  const upstream = new Set<string>();
  const stack = [uuid];
  while (stack.length > 0) {
    for (const parent of parents.get(stack.pop()!) ?? []) {
      if (upstream.has(parent)) continue;
      upstream.add(parent);
      stack.push(parent);
    }
  }
  return upstream;
}

/** Uuids reachable from `fromUuid` (itself included) through children and fallback edges. */
export function reachableUuids(nodes: readonly WorkflowNode[], fromUuid: string): Set<string> {
  const byUuid = nodeByUuid(nodes);
  const reached = new Set<string>();
  const stack = byUuid.has(fromUuid) ? [fromUuid] : [];
  while (stack.length > 0) {
    const uuid = stack.pop()!;
    if (reached.has(uuid)) continue;
    reached.add(uuid);
    for (const child of successorUuids(byUuid.get(uuid)!)) if (byUuid.has(child) && !reached.has(child)) stack.push(child);
  }
  return reached;
}

/** Uuids reachable from the start node; empty without one. */
export function reachableFromStart(nodes: readonly WorkflowNode[]): Set<string> {
  const start = findStartNode(nodes);
  return start ? reachableUuids(nodes, start.uuid) : new Set();
}
