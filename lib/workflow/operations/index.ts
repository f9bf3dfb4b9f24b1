import type { WorkflowNode } from "@/lib/contract";
import { addNode, type AddNodeOperation } from "./add-node";
import { connect, type ConnectOperation } from "./connect";
import { disconnect, type DisconnectOperation } from "./disconnect";
import { moveNodes, type MoveNodesOperation } from "./move-nodes";
import { pasteNodes, type PasteNodesOperation } from "./paste-nodes";
import { removeNodes, type RemoveNodesOperation } from "./remove-nodes";
import { renameNode, type RenameNodeOperation } from "./rename-node";
import { updateConfig, type UpdateConfigOperation } from "./update-config";
import { updateNode, type UpdateNodeOperation } from "./update-node";

import { WorkflowOperationError } from "./operation-error";

export { WorkflowOperationError };
export type {
  AddNodeOperation,
  ConnectOperation,
  DisconnectOperation,
  MoveNodesOperation,
  PasteNodesOperation,
  RemoveNodesOperation,
  RenameNodeOperation,
  UpdateConfigOperation,
  UpdateNodeOperation,
};
export type { NodePatch } from "./update-node";

/** One edit of a graph, as the editor applies it (and undoes it); the autosave sends the resulting nodes, not the operations. */
export type WorkflowOperation =
  | AddNodeOperation
  | ConnectOperation
  | DisconnectOperation
  | RemoveNodesOperation
  | MoveNodesOperation
  | UpdateConfigOperation
  | UpdateNodeOperation
  | RenameNodeOperation
  | PasteNodesOperation;

/**
 * Applies one operation and returns the new graph. The input is never mutated; unchanged nodes are
 * shared. Throws WorkflowOperationError when the operation cannot apply (unknown uuid, …).
 * @example nodes = apply(nodes, { type: "connect", sourceUuid: start.uuid, childIndex: 0, targetUuid: end.uuid });
 */
export function apply(nodes: readonly WorkflowNode[], operation: WorkflowOperation): WorkflowNode[] {
  switch (operation.type) {
    case "addNode":
      return addNode(nodes, operation);
    case "connect":
      return connect(nodes, operation);
    case "disconnect":
      return disconnect(nodes, operation);
    case "removeNodes":
      return removeNodes(nodes, operation);
    case "moveNodes":
      return moveNodes(nodes, operation);
    case "updateConfig":
      return updateConfig(nodes, operation);
    case "updateNode":
      return updateNode(nodes, operation);
    case "renameNode":
      return renameNode(nodes, operation);
    case "pasteNodes":
      return pasteNodes(nodes, operation);
    default:
      throw new WorkflowOperationError(`Unknown operation "${(operation as { type: unknown }).type}"`);
  }
}
