import {
  CreateWorkflowRequestBody,
  EmptyResponseBody,
  UpdateWorkflowRequestBody,
  UuidParams,
  WorkflowListResponseBody,
  WorkflowResponseBody,
} from "@/lib/contract";
import { defineRoute } from "../../define-route";
import { createWorkflow, duplicateWorkflow, getWorkflow, listWorkflows, removeWorkflow, updateWorkflow } from "../../workflows";
import { route } from "../api-route";

/** Saved workflows: the node graph the editor autosaves. */
export const workflowRoutes = [
  /** GET /api/v1/orchestration/workflows/list: summaries, most recently updated first. */
  route(
    "GET",
    "/orchestration/workflows/list",
    defineRoute(
      { summary: "Workflow summaries, most recently updated first", response: WorkflowListResponseBody },
      async ({ deps, ctx }) => ({ workflows: await listWorkflows(deps, ctx.workspaceUuid) }),
    ),
  ),
  /** POST /api/v1/orchestration/workflows: `{name, nodes?}`; without nodes, a start joined to an end. */
  route(
    "POST",
    "/orchestration/workflows",
    defineRoute(
      { summary: "Create a workflow (without nodes, a start joined to an end)", body: CreateWorkflowRequestBody, response: WorkflowResponseBody },
      async ({ deps, ctx, body }) => ({ workflow: await createWorkflow(deps, ctx.workspaceUuid, body) }),
    ),
  ),
  route(
    "GET",
    "/orchestration/workflows/:uuid",
    defineRoute(
      { summary: "One workflow with its graph", params: UuidParams, response: WorkflowResponseBody },
      async ({ deps, ctx, params }) => ({ workflow: await getWorkflow(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** PUT /api/v1/orchestration/workflows/:uuid: `{name?, nodes?, updatedAt}`; 409 with the current workflow when stale. */
  route(
    "PUT",
    "/orchestration/workflows/:uuid",
    defineRoute(
      {
        summary: "Save a workflow's name or graph (409 with the current one when stale)",
        params: UuidParams,
        body: UpdateWorkflowRequestBody,
        response: WorkflowResponseBody,
      },
      async ({ deps, ctx, params, body }) => ({
        workflow: await updateWorkflow(deps, ctx.workspaceUuid, params.uuid, body),
      }),
    ),
  ),
  /** DELETE /api/v1/orchestration/workflows/:uuid (its runs stay as history) */
  route(
    "DELETE",
    "/orchestration/workflows/:uuid",
    defineRoute({ summary: "Delete a workflow (its runs stay as history)", params: UuidParams, response: EmptyResponseBody }, async ({ deps, ctx, params }) => {
      await removeWorkflow(deps, ctx.workspaceUuid, params.uuid);
      return {};
    }),
  ),
  /** POST /api/v1/orchestration/workflows/:uuid/duplicate: "<name> (copy)" with fresh node uuids. */
  route(
    "POST",
    "/orchestration/workflows/:uuid/duplicate",
    defineRoute(
      { summary: "Duplicate a workflow with fresh node uuids", params: UuidParams, response: WorkflowResponseBody },
      async ({ deps, ctx, params }) => ({ workflow: await duplicateWorkflow(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
];
