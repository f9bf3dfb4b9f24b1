import { CreatePlayRequestBody, UpdatePlayRequestBody, UuidParams } from "@/lib/contract";
import { audited, changed, named } from "../../audit";
import { defineRoute } from "../../define-route";
import { createPlay, getPlay, listPlays, removePlay, setPlayEnabled, updatePlay } from "../../plays";
import { route } from "../api-route";

/** Plays: a workflow's deployed release run over the records a sync changes in a segment. */
export const playRoutes = [
  /** GET /api/v1/orchestration/plays/list: newest first, each with its health and last batch. */
  route("GET", "/orchestration/plays/list", defineRoute({}, async ({ deps, ctx }) => ({ plays: await listPlays(deps, ctx.workspaceUuid) }))),
  /** POST /api/v1/orchestration/plays `{workflowUuid, name, modelUuid, segmentUuid, changeKinds, …}`: 409 `playExists` / `workflowIsTool`. */
  route(
    "POST",
    "/orchestration/plays",
    defineRoute({ body: CreatePlayRequestBody }, async ({ deps, ctx, body }) => ({
      play: await audited(deps, ctx, "play.created", createPlay(deps, ctx.workspaceUuid, body), named),
    })),
  ),
  /** GET /api/v1/orchestration/plays/:uuid */
  route("GET", "/orchestration/plays/:uuid", defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => ({ play: await getPlay(deps, ctx.workspaceUuid, params.uuid) }))),
  /** PUT /api/v1/orchestration/plays/:uuid: what is given changes. */
  route(
    "PUT",
    "/orchestration/plays/:uuid",
    defineRoute({ params: UuidParams, body: UpdatePlayRequestBody }, async ({ deps, ctx, params, body }) => ({
      play: await audited(deps, ctx, "play.updated", updatePlay(deps, ctx.workspaceUuid, params.uuid, body), changed(body)),
    })),
  ),
  /** DELETE /api/v1/orchestration/plays/:uuid: the workflow, its batches and runs stay. */
  route(
    "DELETE",
    "/orchestration/plays/:uuid",
    defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => ({
      play: await audited(deps, ctx, "play.removed", removePlay(deps, ctx.workspaceUuid, params.uuid), named),
    })),
  ),
  /** POST /api/v1/orchestration/plays/:uuid/enable: also lifts a health pause. */
  route(
    "POST",
    "/orchestration/plays/:uuid/enable",
    defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => ({
      play: await audited(deps, ctx, "play.enabled", setPlayEnabled(deps, ctx.workspaceUuid, params.uuid, true), named),
    })),
  ),
  /** POST /api/v1/orchestration/plays/:uuid/disable */
  route(
    "POST",
    "/orchestration/plays/:uuid/disable",
    defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => ({
      play: await audited(deps, ctx, "play.disabled", setPlayEnabled(deps, ctx.workspaceUuid, params.uuid, false), named),
    })),
  ),
];
