import type { ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";
import { catalogFromIntegrations, validateNodes, type ValidationCatalog } from "@/lib/workflow";
import type { Deps } from "./deps";

type ValidationDeps = Pick<Deps, "db" | "integrations">;

/** The workspace's integrations and connectors as the plain catalog validation reads. */
export async function validationCatalog({ db, integrations }: ValidationDeps, workspaceUuid: string): Promise<ValidationCatalog> {
  const [resolved, connectors] = await Promise.all([integrations.list(workspaceUuid), db.connectors.list(workspaceUuid)]);
  return catalogFromIntegrations(
    resolved.map(({ integration }) => integration),
    connectors,
  );
}

/** Validates a graph against the workspace (the same answer the editor computes in the browser). */
export async function validateWorkflowNodes(deps: ValidationDeps, workspaceUuid: string, nodes: WorkflowNode[]): Promise<ValidateNodesResponseBody> {
  return validateNodes(nodes, await validationCatalog(deps, workspaceUuid));
}
