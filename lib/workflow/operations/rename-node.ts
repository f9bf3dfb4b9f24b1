import type { WorkflowNode } from "@/lib/contract";
import { mapConfigExpressions } from "../expressions/config-expressions";
import { renameReferences } from "../expressions/rename-references";
import type { ReferenceRoot } from "../expressions/node-references";
import { indexOfNode } from "./lookup";
import { WorkflowOperationError } from "./operation-error";

/**
 * Gives a node a new slug and rewrites every `nodes.<old>` in this graph's expressions (and
 * `parentNodes.<old>` in its groups' sub-graphs) to the new slug, as n8n does on rename.
 */
export interface RenameNodeOperation {
  type: "renameNode";
  uuid: string;
  slug: string;
}

export function renameNode(nodes: readonly WorkflowNode[], { uuid, slug }: RenameNodeOperation): WorkflowNode[] {
  const node = nodes[indexOfNode(nodes, uuid)]!;
  const oldSlug = node.slug;
  if (slug === oldSlug) return nodes.slice();
  const holder = nodes.find((other) => other.slug === slug);
  if (holder) throw new WorkflowOperationError(`Slug "${slug}" is already used by another node; pick a different one`);
  // With the old slug still held by another node, `nodes.<old>` may mean that one: leave expressions alone.
  const ambiguous = nodes.some((other) => other.uuid !== uuid && other.slug === oldSlug);
  return nodes.map((other) => {
    const renamed = other.uuid === uuid ? { ...other, slug } : other;
    return ambiguous ? renamed : rewriteGraphLevel(renamed, "nodes", oldSlug, slug);
  });
}

/** The node with `<root>.<old>` rewritten in its config and, for a group, `parentNodes.<old>` in its sub-graph. */
function rewriteGraphLevel(node: WorkflowNode, root: ReferenceRoot, oldSlug: string, newSlug: string): WorkflowNode {
  let config = mapConfigExpressions(node, (expression) => renameReferences(expression, root, oldSlug, newSlug));
  if (root === "nodes" && node.kind === "native" && node.actionSlug === "group" && Array.isArray(config._nodes)) {
    const subNodes = config._nodes as unknown[];
    const rewritten = subNodes.map((sub) => (isNodeLike(sub) ? rewriteGraphLevel(sub, "parentNodes", oldSlug, newSlug) : sub));
    if (rewritten.some((sub, index) => sub !== subNodes[index])) config = { ...config, _nodes: rewritten };
  }
  return config === node.config ? node : { ...node, config };
}

// Sub-graph nodes are unparsed config data: rewrite only what has a config object.
function isNodeLike(value: unknown): value is WorkflowNode {
  if (typeof value !== "object" || value === null) return false;
  const config = (value as { config?: unknown }).config;
  return typeof config === "object" && config !== null;
}
