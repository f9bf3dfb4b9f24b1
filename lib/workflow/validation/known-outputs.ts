import { isRecord } from "@/lib/contract/is-record";
import type { WorkflowNode } from "@/lib/contract";
import type { CatalogAction } from "../catalog";

/**
 * The output fields a node is known to produce, or undefined when anything may come out: the
 * names of a variables/end node's variables, a branch's `condition`, or the properties of an
 * action's closed `outputSchema` (`additionalProperties: false`).
 */
export function knownOutputFields(node: WorkflowNode, action: CatalogAction | undefined): ReadonlySet<string> | undefined {
  if (node.kind === "native") {
    if (node.actionSlug === "variables" || node.actionSlug === "end") return variableNames(node.config.variables);
    if (node.actionSlug === "branch") return new Set(["condition"]);
  }
  const schema = action?.outputSchema;
  if (schema && schema.additionalProperties === false && isRecord(schema.properties)) return new Set(Object.keys(schema.properties));
  return undefined;
}

/** Fields of a sample output seen in an earlier run; undefined unless it was a plain object. */
export function sampleOutputFields(sample: unknown): ReadonlySet<string> | undefined {
  return isRecord(sample) ? new Set(Object.keys(sample)) : undefined;
}

function variableNames(variables: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(variables)) return undefined;
  const names = new Set<string>();
  for (const variable of variables) {
    // A variable whose name is computed could be called anything.
    if (!isRecord(variable) || typeof variable.name !== "string") return undefined;
    names.add(variable.name);
  }
  return names;
}
