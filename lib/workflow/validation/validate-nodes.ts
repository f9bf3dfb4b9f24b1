import type { InvalidNode, ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";
import type { ValidationCatalog } from "../catalog";
import { checkActions } from "./action-checks";
import { checkConfigs } from "./config-checks";
import { checkExpressions } from "./expression-checks";
import { FindingList } from "./findings";
import { buildGraphLevel, type GraphLevel } from "./graph-level";
import { checkGroups } from "./group-checks";
import { checkStructure } from "./structure-checks";

export interface ValidateNodesOptions {
  /** When validating a group's sub-graph on its own: the graph holding the group, which `parentNodes` reads. */
  parent?: { nodes: readonly WorkflowNode[]; groupUuid: string };
}

/**
 * Validates a graph against the workspace's catalog: structure (start, children, cycles, …),
 * actions and connectors, configs against their JSON Schema, and expressions (syntax, and reads
 * of `nodes.<slug>.<field>` that cannot work). Pure and deterministic: the browser and the server
 * give the same answer for the same nodes and catalog.
 * @example validateNodes(nodes, catalogFromIntegrations(integrations, connectors)) // { outcome: "valid", warnings: [] }
 */
export function validateNodes(nodes: readonly WorkflowNode[], catalog: ValidationCatalog, options: ValidateNodesOptions = {}): ValidateNodesResponseBody {
  let parent: { level: GraphLevel; groupIndex: number } | undefined;
  if (options.parent) {
    const groupIndex = options.parent.nodes.findIndex((node) => node.uuid === options.parent!.groupUuid);
    if (groupIndex !== -1) parent = { level: buildGraphLevel(options.parent.nodes, catalog), groupIndex };
  }
  const { errors, warnings } = validateLevel(nodes, catalog, parent);
  return errors.length > 0 ? { outcome: "notValid", invalidNodes: errors, warnings } : { outcome: "valid", warnings };
}

function validateLevel(
  nodes: readonly WorkflowNode[],
  catalog: ValidationCatalog,
  parent?: { level: GraphLevel; groupIndex: number },
): { errors: InvalidNode[]; warnings: InvalidNode[] } {
  const level = buildGraphLevel(nodes, catalog, parent);
  const findings = new FindingList();
  checkStructure(level, findings);
  checkActions(level, findings);
  checkConfigs(level, findings);
  checkGroups(level, findings, validateLevel);
  checkExpressions(level, findings);
  return findings.sorted();
}
