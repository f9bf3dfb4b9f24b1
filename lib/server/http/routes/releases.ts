import {
  DeployDraftRequestBody,
  DeployedReleaseQuery,
  RedeployReleaseRequestBody,
  ReleaseListQuery,
  ReleaseListResponseBody,
  ReleaseResponseBody,
  UuidParams,
  type Release,
} from "@/lib/contract";
import { audited } from "../../audit";
import { userUuidOf } from "../../auth/principal";
import { defineRoute } from "../../define-route";
import { deployDraft, getDeployedRelease, getRelease, listReleases, redeployRelease } from "../../releases";
import { route } from "../api-route";

/** Which release of which workflow: uuids and the version, never the graph. */
const releaseOf = (release: Release) => ({ target: release.uuid, details: { workflowUuid: release.workflowUuid, version: release.version, parentUuid: release.parentUuid } });

/** Releases: the deployed snapshots of a workflow's graph that tools and plays run. */
export const releaseRoutes = [
  /** POST /api/v1/orchestration/releases/deployDraft `{workflowUuid, version?, description?, nodes?, formFields?}`: validate, snapshot, deploy. */
  route(
    "POST",
    "/orchestration/releases/deployDraft",
    defineRoute(
      { summary: "Validate, snapshot and deploy a workflow's draft as a release", body: DeployDraftRequestBody, response: ReleaseResponseBody },
      async ({ deps, ctx, body }) => ({
        release: await audited(deps, ctx, "release.deployed", deployDraft(deps, ctx.workspaceUuid, userUuidOf(ctx.principal), body), releaseOf),
      }),
    ),
  ),
  /** GET /api/v1/orchestration/releases/list?workflowUuid&limit: newest first. */
  route(
    "GET",
    "/orchestration/releases/list",
    defineRoute(
      { summary: "A workflow's releases, newest first", query: ReleaseListQuery, response: ReleaseListResponseBody },
      async ({ deps, ctx, query }) => ({ releases: await listReleases(deps, ctx.workspaceUuid, query) }),
    ),
  ),
  /** GET /api/v1/orchestration/releases/deployed?workflowUuid: the release tools and plays run; 404 `noDeployedRelease`. */
  route(
    "GET",
    "/orchestration/releases/deployed",
    defineRoute(
      { summary: "The release a workflow's tool or play runs", query: DeployedReleaseQuery, response: ReleaseResponseBody },
      async ({ deps, ctx, query }) => ({ release: await getDeployedRelease(deps, ctx.workspaceUuid, query.workflowUuid) }),
    ),
  ),
  route(
    "GET",
    "/orchestration/releases/:uuid",
    defineRoute(
      { summary: "One release", params: UuidParams, response: ReleaseResponseBody },
      async ({ deps, ctx, params }) => ({ release: await getRelease(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** POST /api/v1/orchestration/releases/:uuid/redeploy `{version?, description?}`: a rollback, as a new release with that one's graph. */
  route(
    "POST",
    "/orchestration/releases/:uuid/redeploy",
    defineRoute(
      { summary: "Roll back: deploy a new release with that one's graph", params: UuidParams, body: RedeployReleaseRequestBody, response: ReleaseResponseBody },
      async ({ deps, ctx, params, body }) => ({
        release: await audited(deps, ctx, "release.deployed", redeployRelease(deps, ctx.workspaceUuid, userUuidOf(ctx.principal), params.uuid, body), releaseOf),
      }),
    ),
  ),
];
