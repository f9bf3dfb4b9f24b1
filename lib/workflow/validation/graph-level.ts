import type { WorkflowNode } from "@/lib/contract";
import type { ValidationCatalog } from "../catalog";
import { successorIndexes } from "../cycles";
import { resolveAction, type ResolvedAction } from "./resolve-action";
import { createUpstreamIndex, type UpstreamIndex } from "./upstream-index";

/** One graph (the workflow, or a group's sub-graph) with everything the checks look up, computed once. */
export interface GraphLevel {
  nodes: readonly WorkflowNode[];
  catalog: ValidationCatalog;
  successors: number[][];
  upstream: UpstreamIndex;
  indexesBySlug: Map<string, number[]>;
  actions: ResolvedAction[];
  /** Outputs of an earlier run by slug; only the top level has them (a group's items run apart). */
  samples: Record<string, unknown> | undefined;
  /** For a group's sub-graph: the graph holding the group, which `parentNodes` reads. */
  parent: { level: GraphLevel; groupIndex: number } | undefined;
}

export function buildGraphLevel(
  nodes: readonly WorkflowNode[],
  catalog: ValidationCatalog,
  parent?: { level: GraphLevel; groupIndex: number },
): GraphLevel {
  const successors = successorIndexes(nodes);
  const indexesBySlug = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    const list = indexesBySlug.get(node.slug);
    if (list) list.push(index);
    else indexesBySlug.set(node.slug, [index]);
  });
  return {
    nodes,
    catalog,
    successors,
    upstream: createUpstreamIndex(successors),
    indexesBySlug,
    actions: nodes.map((node) => resolveAction(node, catalog)),
    samples: parent ? undefined : catalog.sampleOutputs,
    parent,
  };
}
