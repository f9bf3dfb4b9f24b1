import type { WorkflowNode } from "@/lib/contract";
import { configProblems } from "./config-schema";
import type { FindingList } from "./findings";
import type { GraphLevel } from "./graph-level";

/** Each node's config against its action's JSON Schema (the start node takes none). */
export function checkConfigs(level: GraphLevel, findings: FindingList): void {
  level.nodes.forEach((node, index) => {
    const resolved = level.actions[index]!;
    if (!resolved.known || !resolved.action || isStart(node)) return;
    const problems = configProblems(resolved.action.jsonSchema, node.config);
    if ("unusable" in problems) {
      findings.add(index, node, "configInvalid", `The config was not checked: the action's schema is unusable (${problems.unusable})`, {
        severity: "warning",
      });
      return;
    }
    for (const problem of problems) {
      findings.add(index, node, "configInvalid", problem.message, problem.path ? { path: problem.path } : {});
    }
  });
}

function isStart(node: WorkflowNode): boolean {
  return node.kind === "native" && node.actionSlug === "start";
}
