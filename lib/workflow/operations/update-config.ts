import type { WorkflowNode } from "@/lib/contract";
import { indexOfNode, replaceAt } from "./lookup";

/** Replaces a node's config. A switch keeps one child slot per route (new routes start unconnected). */
export interface UpdateConfigOperation {
  type: "updateConfig";
  uuid: string;
  config: Record<string, unknown>;
}

export function updateConfig(nodes: readonly WorkflowNode[], { uuid, config }: UpdateConfigOperation): WorkflowNode[] {
  const index = indexOfNode(nodes, uuid);
  const node = nodes[index]!;
  let childrenUuids = node.childrenUuids;
  // Only a literal routes array sets the count; while routes is an expression, connections are kept.
  if (node.kind === "native" && node.actionSlug === "switch" && Array.isArray(config.routes)) {
    childrenUuids = Array.from({ length: config.routes.length }, (_, slot) => node.childrenUuids[slot] ?? null);
  }
  return replaceAt(nodes, index, { ...node, config, childrenUuids });
}
