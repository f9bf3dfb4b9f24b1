import type { NodeRetryPolicy, WorkflowNode } from "@/lib/contract";
import { indexOfNode, replaceAt } from "./lookup";
import { WorkflowOperationError } from "./operation-error";

/** Node fields an edit may change. An absent field is kept; `null` clears an optional one. */
export interface NodePatch {
  name?: string | null;
  description?: string | null;
  /** Connector nodes only. */
  connectorUuid?: string | null;
  retry?: NodeRetryPolicy | null;
  fallbackOnFailure?: boolean;
  /** Must name a node of the graph; null removes the fallback. */
  fallbackChildUuid?: string | null;
}

/** Changes a node's name, description, connector, retry policy or failure handling. */
export interface UpdateNodeOperation {
  type: "updateNode";
  uuid: string;
  patch: NodePatch;
}

const CLEARABLE = ["name", "description", "retry", "fallbackChildUuid"] as const;

export function updateNode(nodes: readonly WorkflowNode[], { uuid, patch }: UpdateNodeOperation): WorkflowNode[] {
  const index = indexOfNode(nodes, uuid);
  const node = nodes[index]!;
  if (patch.connectorUuid !== undefined && node.kind !== "connector") {
    throw new WorkflowOperationError(`Node "${node.slug}" is a built-in node and takes no connector`);
  }
  if (typeof patch.fallbackChildUuid === "string") indexOfNode(nodes, patch.fallbackChildUuid, "fallback node");
  const updated: Record<string, unknown> = { ...node };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null && (CLEARABLE as readonly string[]).includes(field)) delete updated[field];
    else updated[field] = value;
  }
  return replaceAt(nodes, index, updated as WorkflowNode);
}
