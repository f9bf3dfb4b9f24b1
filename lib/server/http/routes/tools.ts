import {
  CreateRunQuery,
  CreateToolRequestBody,
  RunResponseBody,
  RunToolRequestBody,
  ToolListResponseBody,
  ToolResponseBody,
  ToolWebhookResponseBody,
  ToolWebhookSecretResponseBody,
  UpdateToolRequestBody,
  UuidParams,
} from "@/lib/contract";
import { audited, changed, named } from "../../audit";
import { defineRoute } from "../../define-route";
import { createTool, disableToolWebhook, getTool, listTools, receiveToolWebhook, removeTool, rotateToolWebhook, runTool, updateTool } from "../../tools";
import { route } from "../api-route";

/** Tools: a workflow's deployed release behind a form and a signed webhook. */
export const toolRoutes = [
  /** GET /api/v1/orchestration/tools/list: newest first. */
  route(
    "GET",
    "/orchestration/tools/list",
    defineRoute(
      { summary: "Tools, newest first", response: ToolListResponseBody },
      async ({ deps, ctx }) => ({ tools: await listTools(deps, ctx.workspaceUuid) }),
    ),
  ),
  /** POST /api/v1/orchestration/tools `{workflowUuid, name, description?}`: 409 `toolExists` when the workflow has one. */
  route(
    "POST",
    "/orchestration/tools",
    defineRoute({ summary: "Create a tool from a workflow", body: CreateToolRequestBody, response: ToolResponseBody }, async ({ deps, ctx, body }) => ({
      tool: await audited(deps, ctx, "tool.created", createTool(deps, ctx.workspaceUuid, body), named),
    })),
  ),
  /** GET /api/v1/orchestration/tools/:uuid: with its deployed release's form fields. */
  route(
    "GET",
    "/orchestration/tools/:uuid",
    defineRoute(
      { summary: "One tool, with its deployed release's form fields", params: UuidParams, response: ToolResponseBody },
      async ({ deps, ctx, params }) => ({ tool: await getTool(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** PUT /api/v1/orchestration/tools/:uuid `{name?, description?}` */
  route(
    "PUT",
    "/orchestration/tools/:uuid",
    defineRoute(
      { summary: "Rename a tool or change its description", params: UuidParams, body: UpdateToolRequestBody, response: ToolResponseBody },
      async ({ deps, ctx, params, body }) => ({
        tool: await audited(deps, ctx, "tool.updated", updateTool(deps, ctx.workspaceUuid, params.uuid, body), changed(body)),
      }),
    ),
  ),
  /** DELETE /api/v1/orchestration/tools/:uuid: the workflow and its runs stay. */
  route(
    "DELETE",
    "/orchestration/tools/:uuid",
    defineRoute({ summary: "Delete a tool (its workflow and runs stay)", params: UuidParams, response: ToolResponseBody }, async ({ deps, ctx, params }) => ({
      tool: await audited(deps, ctx, "tool.removed", removeTool(deps, ctx.workspaceUuid, params.uuid), named),
    })),
  ),
  /** POST /api/v1/orchestration/tools/:uuid/run `{data}`: the deployed release with the form's answers; 409 `noDeployedRelease`. */
  route(
    "POST",
    "/orchestration/tools/:uuid/run",
    defineRoute(
      {
        summary: "Run a tool's deployed release with the form's answers",
        params: UuidParams,
        query: CreateRunQuery,
        body: RunToolRequestBody,
        response: RunResponseBody,
      },
      async ({ deps, ctx, params, query, body }) => ({
        run: await runTool(deps, ctx.workspaceUuid, params.uuid, body.data, { wait: query.waitUntilFinished || body.waitUntilFinished }),
      }),
    ),
  ),
  /** POST /api/v1/orchestration/tools/:uuid/webhook/rotate: a new secret, answered once; enables the webhook. */
  route(
    "POST",
    "/orchestration/tools/:uuid/webhook/rotate",
    // Admins only: a webhook secret runs the tool (and its connectors) with no account behind it.
    defineRoute(
      { summary: "A new webhook secret, answered once; enables the webhook", access: "admin", params: UuidParams, response: ToolWebhookSecretResponseBody },
      ({ deps, ctx, params }) => audited(deps, ctx, "tool.webhookRotated", rotateToolWebhook(deps, ctx.workspaceUuid, params.uuid), ({ tool }) => named(tool)),
    ),
  ),
  route(
    "POST",
    "/orchestration/tools/:uuid/webhook/disable",
    defineRoute({ summary: "Disable a tool's webhook", params: UuidParams, response: ToolResponseBody }, async ({ deps, ctx, params }) => ({
      tool: await audited(deps, ctx, "tool.webhookDisabled", disableToolWebhook(deps, ctx.workspaceUuid, params.uuid), named),
    })),
  ),
  /**
   * POST /api/v1/hooks/tools/:uuid: public, authenticated only by `X-Relay-Signature` over the raw
   * body (401 otherwise, the same for a tool that does not exist); the body is the run's data.
   * Answers `{runUuid}`, or `{run}` once it ended with `?waitUntilFinished=true`.
   */
  route(
    "POST",
    "/hooks/tools/:uuid",
    defineRoute(
      {
        summary: "A tool's webhook, authenticated by its `X-Relay-Signature` alone",
        access: "public",
        params: UuidParams,
        // Loose: a sender may add parameters of its own, which are not this route's to refuse.
        query: CreateRunQuery.loose(),
        response: ToolWebhookResponseBody,
      },
      ({ deps, params, query, request }) => receiveToolWebhook(deps, params.uuid, request, { wait: query.waitUntilFinished }),
    ),
  ),
];
