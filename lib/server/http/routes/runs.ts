import {
  CancelRunsRequestBody,
  CancelRunsResponseBody,
  CreateRunQuery,
  CreateRunRequestBody,
  ExecuteTopLevelActionRequestBody,
  GetRunResponseBody,
  RunListQuery,
  RunListResponseBody,
  RunResponseBody,
  TestRunRequestBody,
  UuidParams,
  ValidateNodesRequestBody,
  ValidateNodesResponseBody,
} from "@/lib/contract";
import { defineRoute } from "../../define-route";
import { cancelRuns, createRun, executeTopLevelAction, getRun, listRuns, testRunWorkflow } from "../../runs";
import { validateWorkflowNodes } from "../../validate-nodes";
import { route } from "../api-route";

/** Validating graphs, runs of workflows and of single actions. */
export const runRoutes = [
  /** POST /api/v1/orchestration/nodes/validate: findings about a graph, `valid` or `notValid`, warnings either way. */
  route(
    "POST",
    "/orchestration/nodes/validate",
    defineRoute(
      { summary: "Validate a graph: `valid` or `notValid`, with warnings either way", body: ValidateNodesRequestBody, response: ValidateNodesResponseBody },
      ({ deps, ctx, body }) => validateWorkflowNodes(deps, ctx.workspaceUuid, body.nodes),
    ),
  ),
  /** POST /api/v1/orchestration/runs: validate the graph, queue a run; `?waitUntilFinished=true` answers once it ends. */
  route(
    "POST",
    "/orchestration/runs",
    defineRoute(
      { summary: "Validate a graph and queue a run of it", query: CreateRunQuery, body: CreateRunRequestBody, response: RunResponseBody },
      async ({ deps, ctx, query, body }) => ({
        run: await createRun(deps, ctx.workspaceUuid, body, { wait: query.waitUntilFinished }),
      }),
    ),
  ),
  /** POST /api/v1/orchestration/workflows/:uuid/testRun `{data}`: the editor's run of the saved draft; allowed for plays. */
  route(
    "POST",
    "/orchestration/workflows/:uuid/testRun",
    defineRoute(
      { summary: "Test-run a workflow's saved draft", params: UuidParams, body: TestRunRequestBody, response: RunResponseBody },
      async ({ deps, ctx, params, body }) => ({
        run: await testRunWorkflow(deps, ctx.workspaceUuid, params.uuid, body.data),
      }),
    ),
  ),
  /** GET /api/v1/orchestration/runs/list?workflowUuid&statuses&limit: newest first. */
  route(
    "GET",
    "/orchestration/runs/list",
    defineRoute(
      { summary: "Runs, newest first", query: RunListQuery, response: RunListResponseBody },
      async ({ deps, ctx, query }) => ({ runs: await listRuns(deps, ctx.workspaceUuid, query) }),
    ),
  ),
  /** POST /api/v1/orchestration/runs/cancel `{uuids}`: stops unfinished runs; answers which it cancelled. */
  route(
    "POST",
    "/orchestration/runs/cancel",
    defineRoute(
      { summary: "Cancel unfinished runs", body: CancelRunsRequestBody, response: CancelRunsResponseBody },
      ({ deps, ctx, body }) => cancelRuns(deps, ctx.workspaceUuid, body.uuids),
    ),
  ),
  /** GET /api/v1/orchestration/runs/:uuid: the run with its context and computed configs, by node slug. */
  route(
    "GET",
    "/orchestration/runs/:uuid",
    defineRoute(
      { summary: "One run with its context and computed configs by node slug", params: UuidParams, response: GetRunResponseBody },
      ({ deps, ctx, params }) => getRun(deps, ctx.workspaceUuid, params.uuid),
    ),
  ),
  /** POST /api/v1/orchestration/actions/execute `{action, data}`: one action as a run; answers once it ends. */
  route(
    "POST",
    "/orchestration/actions/execute",
    defineRoute(
      { summary: "Run one action as a run; answers once it ends", body: ExecuteTopLevelActionRequestBody, response: RunResponseBody },
      async ({ deps, ctx, body }) => ({ run: await executeTopLevelAction(deps, ctx.workspaceUuid, body) }),
    ),
  ),
];
