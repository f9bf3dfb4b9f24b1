import type { InvalidNode, ValidateNodesResponseBody } from "@/lib/contract";

/** One node's validation findings: messages of its errors and of its warnings. */
export interface NodeFindings {
  errors: string[];
  warnings: string[];
}

const NO_FINDINGS: NodeFindings = { errors: [], warnings: [] };
const indexes = new WeakMap<ValidateNodesResponseBody, Map<string, string>>();

/**
 * One node's findings encoded as a string, so a store selector returning it compares by value:
 * a node re-renders only when its own findings change, not on every validation. The index is
 * built once per validation result.
 */
export function nodeFindingsKey(validation: ValidateNodesResponseBody | null, uuid: string): string {
  if (!validation) return "";
  let index = indexes.get(validation);
  if (!index) indexes.set(validation, (index = buildIndex(validation)));
  return index.get(uuid) ?? "";
}

/** The findings a `nodeFindingsKey` encodes. */
export function parseFindingsKey(key: string): NodeFindings {
  return key ? (JSON.parse(key) as NodeFindings) : NO_FINDINGS;
}

function buildIndex(validation: ValidateNodesResponseBody): Map<string, string> {
  const byNode = new Map<string, NodeFindings>();
  const add = (finding: InvalidNode) => {
    let findings = byNode.get(finding.node.uuid);
    if (!findings) byNode.set(finding.node.uuid, (findings = { errors: [], warnings: [] }));
    (finding.severity === "warning" ? findings.warnings : findings.errors).push(badgeLine(finding));
  };
  if (validation.outcome === "notValid") validation.invalidNodes.forEach(add);
  validation.warnings.forEach(add);
  return new Map([...byNode].map(([uuid, findings]) => [uuid, JSON.stringify(findings)]));
}

/** A finding as the badge lists it: with the field it is about, when it names one (`fields.email: Required`). */
function badgeLine(finding: InvalidNode): string {
  return finding.path && !finding.message.includes(finding.path) ? `${finding.path}: ${finding.message}` : finding.message;
}
