import type { CreateToolRequestBody, Tool, UpdateToolRequestBody } from "@/lib/contract";
import { CreateToolRequestBody as CreateToolSchema } from "@/lib/contract";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";

type ToolDeps = Pick<Deps, "db">;

export async function listTools(deps: ToolDeps, workspaceUuid: string): Promise<Tool[]> {
  return deps.db.tools.list(workspaceUuid);
}

export async function getTool(deps: ToolDeps, workspaceUuid: string, uuid: string): Promise<Tool> {
  const tool = await deps.db.tools.get(workspaceUuid, uuid);
  if (!tool) throw new AppError("not_found:tool", `No tool with uuid ${uuid}`, { reason: "toolNotFound" });
  return tool;
}

/** A tool over a workflow of the workspace; 409 `toolExists` when the workflow has one already (one tool per workflow), `workflowIsPlay` when it is a play's. */
export async function createTool(deps: ToolDeps, workspaceUuid: string, input: CreateToolRequestBody): Promise<Tool> {
  const body = CreateToolSchema.parse(input);
  if (!(await deps.db.workflows.get(workspaceUuid, body.workflowUuid))) {
    throw new AppError("not_found:workflow", `No workflow with uuid ${body.workflowUuid}`, { reason: "workflowNotFound" });
  }
  // A play's workflow runs on its segment's changes; a tool's runs are asked for: never both.
  if (await deps.db.plays.byWorkflow(workspaceUuid, body.workflowUuid)) {
    throw new AppError("conflict:tool", "This workflow is a play; a tool needs a workflow of its own", { reason: "workflowIsPlay" });
  }
  let uuid: string;
  try {
    uuid = await deps.db.tools.create(workspaceUuid, body);
  } catch (error) {
    if (!/unique/i.test((error as Error).message)) throw error;
    throw new AppError("conflict:tool", "This workflow has a tool already; open that one", { reason: "toolExists" });
  }
  return getTool(deps, workspaceUuid, uuid);
}

export async function updateTool(deps: ToolDeps, workspaceUuid: string, uuid: string, body: UpdateToolRequestBody): Promise<Tool> {
  if (!(await deps.db.tools.update(workspaceUuid, uuid, body))) await getTool(deps, workspaceUuid, uuid);
  return getTool(deps, workspaceUuid, uuid);
}

/** Removes the tool and its webhook; the workflow, its releases and its runs stay. */
export async function removeTool(deps: ToolDeps, workspaceUuid: string, uuid: string): Promise<Tool> {
  const tool = await getTool(deps, workspaceUuid, uuid);
  await deps.db.tools.remove(workspaceUuid, uuid);
  return tool;
}
