import { CreatePlayRequestBody, PlayListResponseBody, PlayResponseBody, UpdatePlayRequestBody, UuidParams } from "@/lib/contract";
import { audited, changed, named } from "../../audit";
import { defineRoute } from "../../define-route";
import { createPlay, getPlay, listPlays, removePlay, setPlayEnabled, updatePlay } from "../../plays";
import { route } from "../api-route";

/** Plays: a workflow's deployed release run over the records a sync changes in a segment. */
export const playRoutes = [
  /** GET /api/v1/orchestration/plays/list: newest first, each with its health and last batch. */
  route(
    "GET",
    "/orchestration/plays/list",
    defineRoute(
      { summary: "Plays, newest first, with their health and last batch", response: PlayListResponseBody },
      async ({ deps, ctx }) => ({ plays: await listPlays(deps, ctx.workspaceUuid) }),
    ),
  ),
  /** POST /api/v1/orchestration/plays `{workflowUuid, name, modelUuid, segmentUuid, changeKinds, …}`: 409 `playExists` / `workflowIsTool`. */
  route(
    "POST",
    "/orchestration/plays",
    defineRoute(
      { summary: "Create a play: a workflow run on a segment's changes", body: CreatePlayRequestBody, response: PlayResponseBody },
      async ({ deps, ctx, body }) => ({
        play: await audited(deps, ctx, "play.created", createPlay(deps, ctx.workspaceUuid, body), named),
      }),
    ),
  ),
  route(
    "GET",
    "/orchestration/plays/:uuid",
    defineRoute(
      { summary: "One play", params: UuidParams, response: PlayResponseBody },
      async ({ deps, ctx, params }) => ({ play: await getPlay(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** PUT /api/v1/orchestration/plays/:uuid: what is given changes. */
  route(
    "PUT",
    "/orchestration/plays/:uuid",
    defineRoute(
      { summary: "Change a play's settings", params: UuidParams, body: UpdatePlayRequestBody, response: PlayResponseBody },
      async ({ deps, ctx, params, body }) => ({
        play: await audited(deps, ctx, "play.updated", updatePlay(deps, ctx.workspaceUuid, params.uuid, body), changed(body)),
      }),
    ),
  ),
  /** DELETE /api/v1/orchestration/plays/:uuid: the workflow, its batches and runs stay. */
  route(
    "DELETE",
    "/orchestration/plays/:uuid",
    defineRoute(
      { summary: "Delete a play (its workflow, batches and runs stay)", params: UuidParams, response: PlayResponseBody },
      async ({ deps, ctx, params }) => ({
        play: await audited(deps, ctx, "play.removed", removePlay(deps, ctx.workspaceUuid, params.uuid), named),
      }),
    ),
  ),
  /** POST /api/v1/orchestration/plays/:uuid/enable: also lifts a health pause. */
  route(
    "POST",
    "/orchestration/plays/:uuid/enable",
    defineRoute({ summary: "Enable a play (also lifts a health pause)", params: UuidParams, response: PlayResponseBody }, async ({ deps, ctx, params }) => ({
      play: await audited(deps, ctx, "play.enabled", setPlayEnabled(deps, ctx.workspaceUuid, params.uuid, true), named),
    })),
  ),
  route(
    "POST",
    "/orchestration/plays/:uuid/disable",
    defineRoute({ summary: "Disable a play", params: UuidParams, response: PlayResponseBody }, async ({ deps, ctx, params }) => ({
      play: await audited(deps, ctx, "play.disabled", setPlayEnabled(deps, ctx.workspaceUuid, params.uuid, false), named),
    })),
  ),
];
