import { WorkflowNodes, type InvalidNode, type WorkflowNode } from "@/lib/contract";
import type { ValidationCatalog } from "../catalog";
import type { FindingList } from "./findings";
import type { GraphLevel } from "./graph-level";

/** Validates one graph level; passed in so sub-graphs recurse without an import cycle. */
export type ValidateLevel = (
  nodes: readonly WorkflowNode[],
  catalog: ValidationCatalog,
  parent: { level: GraphLevel; groupIndex: number },
) => { errors: InvalidNode[]; warnings: InvalidNode[] };

/**
 * A group's `config._nodes` is a graph of its own, validated by the same rules; its findings come
 * back nested in one `subNodesInvalid` finding (one for errors, one for warnings).
 */
export function checkGroups(level: GraphLevel, findings: FindingList, validateLevel: ValidateLevel): void {
  level.nodes.forEach((node, index) => {
    if (node.kind !== "native" || node.actionSlug !== "group") return;
    const raw = node.config._nodes;
    const parsed = WorkflowNodes.safeParse(Array.isArray(raw) ? raw : []);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        findings.add(index, node, "configInvalid", issue.message, { path: ["_nodes", ...issue.path.map(String)].join(".") });
      }
      return;
    }
    const { errors, warnings } = validateLevel(parsed.data, level.catalog, { level, groupIndex: index });
    warnings.push(...longDelays(parsed.data));
    if (errors.length > 0) {
      findings.add(index, node, "subNodesInvalid", `${count(errors.length, "problem")} inside the group; fix the nodes listed`, {
        invalidNodes: errors,
      });
    }
    if (warnings.length > 0) {
      findings.add(index, node, "subNodesInvalid", `${count(warnings.length, "warning")} inside the group`, {
        severity: "warning",
        invalidNodes: warnings,
      });
    }
  });
}

/** A delay the engine runs inline inside a group (it parks a run only at the top level); longer than this is flagged. */
const LONGEST_QUIET_DELAY_MINUTES = 1 / 60;

/**
 * Delays inside a group wait in place: the run keeps its queue slot for the whole wait, and a
 * restart runs the group's items again from the first, waiting again. Worth a warning when long.
 */
function longDelays(nodes: readonly WorkflowNode[]): InvalidNode[] {
  return nodes
    .filter((node) => node.kind === "native" && node.actionSlug === "delay")
    .filter((node) => typeof node.config.minutes === "number" && node.config.minutes > LONGEST_QUIET_DELAY_MINUTES)
    .map((node) => ({
      node: { uuid: node.uuid, slug: node.slug },
      reason: "configInvalid" as const,
      severity: "warning" as const,
      path: "minutes",
      message: "Inside a group a delay waits in place: the run holds one of the running slots until it ends, and a restart waits again from the first item",
    }));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
