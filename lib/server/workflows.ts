import { randomUUID } from "node:crypto";
import type {
  CreateWorkflowRequestBody,
  UpdateWorkflowRequestBody,
  Workflow,
  WorkflowNode,
  WorkflowSummary,
} from "@/lib/contract";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";

export type WorkflowCtx = Pick<Deps, "db">;

export const STALE_WORKFLOW_MESSAGE =
  "This workflow was changed by someone else since you opened it. Reload to get the latest version.";

/** The graph a new workflow starts with: a start node joined to an end node. */
export function defaultWorkflowNodes(): WorkflowNode[] {
  const startUuid = randomUUID();
  const endUuid = randomUUID();
  return [
    {
      uuid: startUuid,
      slug: "start",
      kind: "native",
      actionSlug: "start",
      config: {},
      childrenUuids: [endUuid],
      fallbackOnFailure: false,
      position: { x: 0, y: 0 },
    },
    {
      uuid: endUuid,
      slug: "end",
      kind: "native",
      actionSlug: "end",
      config: { variables: [] },
      childrenUuids: [],
      fallbackOnFailure: false,
      position: { x: 0, y: 166 },
    },
  ];
}

function notFound(uuid: string): AppError {
  return new AppError("not_found:workflow", `No workflow with uuid ${uuid}`, { reason: "workflowNotFound" });
}

export async function listWorkflows(ctx: WorkflowCtx, workspaceUuid: string): Promise<WorkflowSummary[]> {
  return ctx.db.workflows.list(workspaceUuid);
}

/** Saves a new workflow; drafts are not validated beyond the contract schema. */
export async function createWorkflow(ctx: WorkflowCtx, workspaceUuid: string, body: CreateWorkflowRequestBody): Promise<Workflow> {
  return ctx.db.workflows.create(workspaceUuid, { name: body.name, nodes: body.nodes ?? defaultWorkflowNodes() });
}

export async function getWorkflow(ctx: WorkflowCtx, workspaceUuid: string, uuid: string): Promise<Workflow> {
  const workflow = await ctx.db.workflows.get(workspaceUuid, uuid);
  if (!workflow) throw notFound(uuid);
  return workflow;
}

/**
 * Renames and/or replaces the graph if nobody saved since `body.updatedAt`. A stale edit is a 409
 * `{errorMessage, reason: "workflowStale", workflow}` carrying the version that won, so the editor
 * can offer a reload.
 */
export async function updateWorkflow(ctx: WorkflowCtx, workspaceUuid: string, uuid: string, body: UpdateWorkflowRequestBody): Promise<Workflow> {
  const result = await ctx.db.workflows.update(workspaceUuid, uuid, { name: body.name, nodes: body.nodes, formFields: body.formFields }, body.updatedAt);
  if (!result) throw notFound(uuid);
  if ("conflict" in result) {
    throw new AppError("conflict:workflow", STALE_WORKFLOW_MESSAGE, { reason: "workflowStale", details: { workflow: result.conflict } });
  }
  return result.workflow;
}

export async function removeWorkflow(ctx: WorkflowCtx, workspaceUuid: string, uuid: string): Promise<void> {
  if (!(await ctx.db.workflows.remove(workspaceUuid, uuid))) throw notFound(uuid);
}

/** Copies a workflow as "<name> (copy)", giving every node a fresh uuid and re-pointing the links. */
export async function duplicateWorkflow(ctx: WorkflowCtx, workspaceUuid: string, uuid: string): Promise<Workflow> {
  const original = await getWorkflow(ctx, workspaceUuid, uuid);
  return ctx.db.workflows.create(workspaceUuid, { name: copyName(original.name), nodes: withFreshUuids(original.nodes), formFields: original.formFields });
}

const MAX_NAME_LENGTH = 120;

function copyName(name: string): string {
  const suffix = " (copy)";
  return `${name.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
}

/** The same graph with new node uuids; links to uuids outside the graph are kept as they are. */
export function withFreshUuids(nodes: WorkflowNode[]): WorkflowNode[] {
  const renamed = new Map(nodes.map((node) => [node.uuid, randomUUID()]));
  const remap = (target: string) => renamed.get(target) ?? target;
  return nodes.map((node) => ({
    ...node,
    uuid: remap(node.uuid),
    childrenUuids: node.childrenUuids.map((child) => (child === null ? null : remap(child))),
    ...(node.fallbackChildUuid != null && { fallbackChildUuid: remap(node.fallbackChildUuid) }),
  }));
}
