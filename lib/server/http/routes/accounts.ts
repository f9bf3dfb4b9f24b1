import {
  AcceptInvitationRequestBody,
  CreateWorkspaceRequestBody,
  InvitationPreviewQuery,
  SetupRequestBody,
  SignInRequestBody,
  SignOutQuery,
  SwitchWorkspaceRequestBody,
} from "@/lib/contract";
import { needsSetup, setup, signIn, signOut, switchWorkspace, whoami } from "../../accounts";
import { defineRoute } from "../../define-route";
import { checkHealth } from "../../health";
import { acceptInvitation, previewInvitation } from "../../members";
import { createWorkspace, listWorkspaces } from "../../workspaces";
import { route } from "../api-route";

/** The health check, the first run, signing in and out, the user's workspaces, invitation links. */
export const accountRoutes = [
  /** GET /api/v1/health: is the app up and can it reach its database. */
  route("GET", "/health", defineRoute({ access: "public" }, ({ deps, ctx }) => checkHealth(deps, ctx.workspaceUuid))),

  /** GET /api/v1/setup: whether the instance still waits for its first user. */
  route("GET", "/setup", defineRoute({ access: "public" }, async ({ deps }) => ({ needsSetup: await needsSetup(deps) }))),
  /** POST /api/v1/setup: the first account and workspace, with the code `npm start` printed; 409 afterwards. */
  route("POST", "/setup", defineRoute({ access: "public", body: SetupRequestBody }, ({ deps, body, request }) => setup(deps, body, request))),

  /** POST /api/v1/session: sign in with email and password (sets the session cookie). */
  route("POST", "/session", defineRoute({ access: "public", body: SignInRequestBody }, ({ deps, body, request }) => signIn(deps, body, request))),
  /** DELETE /api/v1/session?everywhere=true: sign out here, or everywhere. */
  route("DELETE", "/session", defineRoute({ query: SignOutQuery }, ({ deps, ctx, query }) => signOut(deps, ctx, query.everywhere === "true"))),
  /** PUT /api/v1/session/workspace: act in another workspace the user belongs to. */
  route("PUT", "/session/workspace", defineRoute({ body: SwitchWorkspaceRequestBody }, ({ deps, ctx, body }) => switchWorkspace(deps, ctx, body.workspaceUuid))),
  /** GET /api/v1/whoami: the user (or API token), the workspace and the role this request acts with. */
  route("GET", "/whoami", defineRoute({}, ({ deps, ctx }) => whoami(deps, ctx))),

  /** GET /api/v1/workspaces/list: the workspaces the user belongs to, with their role. */
  route("GET", "/workspaces/list", defineRoute({}, ({ deps, ctx }) => listWorkspaces(deps, ctx))),
  /** POST /api/v1/workspaces: a new workspace, its creator the owner. */
  route("POST", "/workspaces", defineRoute({ body: CreateWorkspaceRequestBody }, ({ deps, ctx, body }) => createWorkspace(deps, ctx, body.name))),

  /** GET /api/v1/invitations/preview?code: which workspace and role an invitation link is for. */
  route("GET", "/invitations/preview", defineRoute({ access: "public", query: InvitationPreviewQuery }, ({ deps, query }) => previewInvitation(deps, query.code))),
  /** POST /api/v1/invitations/accept `{code, account?}`: join as the signed-in user, or with a new account. */
  route(
    "POST",
    "/invitations/accept",
    defineRoute({ access: "public", body: AcceptInvitationRequestBody }, ({ deps, ctx, body, request }) => acceptInvitation(deps, ctx, body, request)),
  ),
];
