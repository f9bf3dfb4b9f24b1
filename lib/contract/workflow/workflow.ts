import { z } from "zod";
import { IsoDateTime, Uuid } from "../api/common";
import { WorkflowNodes } from "./node";
import { DeployedReleaseSummary, FormFields } from "./release";

const WorkflowName = z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters");

/**
 * A saved graph with a name: the draft. What runs unattended (a tool, a play) is its deployed
 * release, a snapshot taken by Deploy (`orchestration/releases/deployDraft`).
 */
export const Workflow = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  name: WorkflowName,
  nodes: WorkflowNodes,
  formFields: FormFields.describe("The draft of a tool's form: what a run from it asks for, by slug in the run's data"),
  deployedRelease: DeployedReleaseSummary.nullable().describe("The release tools and plays run; null until the first deploy"),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime.describe("Send it back with an update; a newer one on the server answers 409"),
});
export type Workflow = z.infer<typeof Workflow>;

export const WorkflowSummary = Workflow.pick({ uuid: true, name: true, deployedRelease: true, createdAt: true, updatedAt: true }).extend({
  nodesCount: z.number().int(),
});
export type WorkflowSummary = z.infer<typeof WorkflowSummary>;

export const CreateWorkflowRequestBody = z.object({
  name: WorkflowName,
  nodes: WorkflowNodes.optional().describe("The graph; a start node joined to an end node when absent"),
});
export type CreateWorkflowRequestBody = z.infer<typeof CreateWorkflowRequestBody>;

export const UpdateWorkflowRequestBody = z.object({
  name: WorkflowName.optional(),
  nodes: WorkflowNodes.optional(),
  formFields: FormFields.optional(),
  updatedAt: IsoDateTime.describe("The updatedAt the edit was based on"),
});
export type UpdateWorkflowRequestBody = z.infer<typeof UpdateWorkflowRequestBody>;

export const WorkflowResponseBody = z.object({ workflow: Workflow });
export type WorkflowResponseBody = z.infer<typeof WorkflowResponseBody>;

export const WorkflowListResponseBody = z.object({ workflows: z.array(WorkflowSummary) });
export type WorkflowListResponseBody = z.infer<typeof WorkflowListResponseBody>;
