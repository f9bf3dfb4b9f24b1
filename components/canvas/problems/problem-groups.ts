import type { InvalidNode, ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";

/** The findings about one node (or, with `uuid` "", about the whole graph), errors first. */
export interface ProblemGroup {
  uuid: string;
  /** The node's display name, its slug when it has none; "Workflow" for graph-level findings. */
  title: string;
  slug: string | null;
  findings: InvalidNode[];
}

export interface ProblemSummary {
  groups: ProblemGroup[];
  errors: number;
  warnings: number;
}

/**
 * Every finding of a validation grouped by node: groups in the order their first finding comes
 * (errors before warnings, each in the validator's order), and within a group errors first.
 * @example groupProblems(validation, nodes).groups[0] // { uuid, title: "Create contact", slug: "create_contact", findings }
 */
export function groupProblems(validation: ValidateNodesResponseBody | null, nodes: readonly WorkflowNode[]): ProblemSummary {
  if (!validation) return { groups: [], errors: 0, warnings: 0 };
  const errors = validation.outcome === "notValid" ? validation.invalidNodes : [];
  const byUuid = new Map(nodes.map((node) => [node.uuid, node]));
  const groups = new Map<string, ProblemGroup>();
  for (const finding of [...errors, ...validation.warnings]) {
    const uuid = byUuid.has(finding.node.uuid) ? finding.node.uuid : "";
    let group = groups.get(uuid);
    if (!group) {
      const node = byUuid.get(uuid);
      group = { uuid, title: node ? node.name?.trim() || node.slug : "Workflow", slug: node ? node.slug : null, findings: [] };
      groups.set(uuid, group);
    }
    group.findings.push(finding);
  }
  return { groups: [...groups.values()], errors: errors.length, warnings: validation.warnings.length };
}

/** "2 errors · 1 warning", "1 error", "No problems". */
export function problemCountText({ errors, warnings }: Pick<ProblemSummary, "errors" | "warnings">): string {
  const parts = [errors > 0 && plural(errors, "error"), warnings > 0 && plural(warnings, "warning")].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "No problems";
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
