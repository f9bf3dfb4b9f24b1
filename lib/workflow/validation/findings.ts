import { InvalidNodeReason, type InvalidNode, type InvalidNodeSeverity, type WorkflowNode } from "@/lib/contract";

const REASON_ORDER = new Map(InvalidNodeReason.options.map((reason, index) => [reason, index]));

interface Entry {
  /** Position of the node in the graph; -1 for graph-wide findings (no start node). */
  nodeIndex: number;
  sequence: number;
  finding: InvalidNode;
}

export interface FindingDetails {
  severity?: InvalidNodeSeverity;
  path?: string;
  invalidNodes?: InvalidNode[];
}

/**
 * Collects findings and hands them back in a fixed order (node order in the graph, then the
 * contract's reason order, then the order found), so the browser and the server agree exactly.
 */
export class FindingList {
  private readonly entries: Entry[] = [];
  private readonly seen = new Set<string>();

  add(nodeIndex: number, node: Pick<WorkflowNode, "uuid" | "slug">, reason: InvalidNodeReason, message: string, details: FindingDetails = {}): void {
    const { severity = "error", path, invalidNodes } = details;
    const key = JSON.stringify([nodeIndex, reason, severity, path ?? null, message]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const finding: InvalidNode = {
      node: { uuid: node.uuid, slug: node.slug },
      reason,
      severity,
      message,
      ...(path !== undefined && { path }),
      ...(invalidNodes !== undefined && { invalidNodes }),
    };
    this.entries.push({ nodeIndex, sequence: this.entries.length, finding });
  }

  /** Errors and warnings, each in the fixed order. */
  sorted(): { errors: InvalidNode[]; warnings: InvalidNode[] } {
    const ordered = this.entries
      .slice()
      .sort((a, b) => a.nodeIndex - b.nodeIndex || reasonRank(a) - reasonRank(b) || a.sequence - b.sequence)
      .map((entry) => entry.finding);
    return {
      errors: ordered.filter((finding) => finding.severity === "error"),
      warnings: ordered.filter((finding) => finding.severity === "warning"),
    };
  }
}

function reasonRank(entry: Entry): number {
  return REASON_ORDER.get(entry.finding.reason) ?? REASON_ORDER.size;
}
