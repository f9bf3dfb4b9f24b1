import {
  AcceptInvitationRequestBody,
  CreateWorkspaceRequestBody,
  EmptyResponseBody,
  HealthResponseBody,
  InvitationPreviewQuery,
  InvitationPreviewResponseBody,
  SessionResponseBody,
  SetupRequestBody,
  SetupStatusResponseBody,
  SignInRequestBody,
  SignOutQuery,
  SwitchWorkspaceRequestBody,
  WhoamiResponseBody,
  WorkspaceListResponseBody,
  WorkspaceResponseBody,
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
  route(
    "GET",
    "/health",
    defineRoute(
      { summary: "Whether the app is up and can reach its database", access: "public", response: HealthResponseBody },
      ({ deps, ctx }) => checkHealth(deps, ctx.workspaceUuid),
    ),
  ),

  /** GET /api/v1/setup: whether the instance still waits for its first user. */
  route(
    "GET",
    "/setup",
    defineRoute(
      { summary: "Whether the instance still waits for its first user", access: "public", response: SetupStatusResponseBody },
      async ({ deps }) => ({ needsSetup: await needsSetup(deps) }),
    ),
  ),
  /** POST /api/v1/setup: the first account and workspace, with the code `npm start` printed; 409 afterwards. */
  route(
    "POST",
    "/setup",
    defineRoute(
      {
        summary: "Claim a new instance with the setup code: the first account and workspace",
        access: "public",
        body: SetupRequestBody,
        response: SessionResponseBody,
      },
      ({ deps, body, request }) => setup(deps, body, request),
    ),
  ),

  /** POST /api/v1/session: sign in with email and password (sets the session cookie). */
  route(
    "POST",
    "/session",
    defineRoute(
      { summary: "Sign in with email and password (sets the session cookie)", access: "public", body: SignInRequestBody, response: SessionResponseBody },
      ({ deps, body, request }) => signIn(deps, body, request),
    ),
  ),
  /** DELETE /api/v1/session?everywhere=true: sign out here, or everywhere. */
  route(
    "DELETE",
    "/session",
    defineRoute(
      { summary: "Sign out here, or everywhere", query: SignOutQuery, response: EmptyResponseBody },
      ({ deps, ctx, query }) => signOut(deps, ctx, query.everywhere === "true"),
    ),
  ),
  /** PUT /api/v1/session/workspace: act in another workspace the user belongs to. */
  route(
    "PUT",
    "/session/workspace",
    defineRoute(
      { summary: "Act in another workspace the user belongs to", body: SwitchWorkspaceRequestBody, response: SessionResponseBody },
      ({ deps, ctx, body }) => switchWorkspace(deps, ctx, body.workspaceUuid),
    ),
  ),
  /** GET /api/v1/whoami: the user (or API token), the workspace and the role this request acts with. */
  route(
    "GET",
    "/whoami",
    defineRoute(
      { summary: "The user or API token, workspace and role this request acts with", response: WhoamiResponseBody },
      ({ deps, ctx }) => whoami(deps, ctx),
    ),
  ),

  /** GET /api/v1/workspaces/list: the workspaces the user belongs to, with their role. */
  route(
    "GET",
    "/workspaces/list",
    defineRoute(
      { summary: "The workspaces the user belongs to, with their role", response: WorkspaceListResponseBody },
      ({ deps, ctx }) => listWorkspaces(deps, ctx),
    ),
  ),
  /** POST /api/v1/workspaces: a new workspace, its creator the owner. */
  route(
    "POST",
    "/workspaces",
    defineRoute(
      { summary: "Create a workspace, its creator the owner", body: CreateWorkspaceRequestBody, response: WorkspaceResponseBody },
      ({ deps, ctx, body }) => createWorkspace(deps, ctx, body.name),
    ),
  ),

  /** GET /api/v1/invitations/preview?code: which workspace and role an invitation link is for. */
  route(
    "GET",
    "/invitations/preview",
    defineRoute(
      {
        summary: "Which workspace and role an invitation link is for",
        access: "public",
        query: InvitationPreviewQuery,
        response: InvitationPreviewResponseBody,
      },
      ({ deps, query }) => previewInvitation(deps, query.code),
    ),
  ),
  /** POST /api/v1/invitations/accept `{code, account?}`: join as the signed-in user, or with a new account. */
  route(
    "POST",
    "/invitations/accept",
    defineRoute(
      {
        summary: "Accept an invitation as the signed-in user, or with a new account",
        access: "public",
        body: AcceptInvitationRequestBody,
        response: SessionResponseBody,
      },
      ({ deps, ctx, body, request }) => acceptInvitation(deps, ctx, body, request),
    ),
  ),
];
