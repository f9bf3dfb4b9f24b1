import {
  ApiTokenListResponseBody,
  ApiTokenResponseBody,
  AuditLogQuery,
  AuditLogResponseBody,
  CreateApiTokenRequestBody,
  CreateApiTokenResponseBody,
  CreateInvitationRequestBody,
  CreateInvitationResponseBody,
  InvitationListResponseBody,
  MemberListResponseBody,
  UpdateMemberRequestBody,
  UuidParams,
} from "@/lib/contract";
import { createApiToken, listApiTokens, revokeApiToken } from "../../api-tokens";
import { listAuditLog } from "../../audit";
import { defineRoute } from "../../define-route";
import { changeRole, createInvitation, listInvitations, listMembers, removeMember } from "../../members";
import { route } from "../api-route";

/** What the workspace's admins manage: members and roles, invitations, API tokens, the audit log. */
export const workspaceRoutes = [
  route(
    "GET",
    "/workspace/members/list",
    defineRoute(
      { summary: "The workspace's members and their roles", response: MemberListResponseBody },
      ({ deps, ctx }) => listMembers(deps, ctx.workspaceUuid),
    ),
  ),
  /** PUT /api/v1/workspace/members/:uuid `{role}` (the uuid is the user's) */
  route(
    "PUT",
    "/workspace/members/:uuid",
    defineRoute(
      {
        summary: "Change a member's role (the uuid is the user's)",
        access: "admin",
        params: UuidParams,
        body: UpdateMemberRequestBody,
        response: MemberListResponseBody,
      },
      ({ deps, ctx, params, body }) => changeRole(deps, ctx, params.uuid, body.role),
    ),
  ),
  /** DELETE /api/v1/workspace/members/:uuid: removes the user from this workspace. */
  route(
    "DELETE",
    "/workspace/members/:uuid",
    defineRoute(
      { summary: "Remove a member from this workspace", access: "admin", params: UuidParams, response: MemberListResponseBody },
      ({ deps, ctx, params }) => removeMember(deps, ctx, params.uuid),
    ),
  ),

  /** POST /api/v1/workspace/invitations `{role}`: a single-use link to copy, valid 7 days. */
  route(
    "POST",
    "/workspace/invitations",
    defineRoute(
      {
        summary: "Create a single-use invitation link, valid 7 days",
        access: "admin",
        body: CreateInvitationRequestBody,
        response: CreateInvitationResponseBody,
      },
      ({ deps, ctx, body, request }) => createInvitation(deps, ctx, body.role, request),
    ),
  ),
  /** GET /api/v1/workspace/invitations/list: the open ones. */
  route(
    "GET",
    "/workspace/invitations/list",
    defineRoute(
      { summary: "The open invitations", access: "admin", response: InvitationListResponseBody },
      ({ deps, ctx }) => listInvitations(deps, ctx.workspaceUuid),
    ),
  ),

  /** GET /api/v1/apiTokens/list: the workspace's tokens (prefix, last use, revoked), never the tokens. */
  route(
    "GET",
    "/apiTokens/list",
    defineRoute(
      { summary: "The workspace's API tokens by prefix and last use, never the tokens", access: "admin", response: ApiTokenListResponseBody },
      ({ deps, ctx }) => listApiTokens(deps, ctx.workspaceUuid),
    ),
  ),
  /** POST /api/v1/apiTokens `{name, workspaceUuid?}`: the token is in this answer only. */
  route(
    "POST",
    "/apiTokens",
    defineRoute(
      { summary: "Create an API token (the token is in this answer only)", body: CreateApiTokenRequestBody, response: CreateApiTokenResponseBody },
      ({ deps, ctx, body }) => createApiToken(deps, ctx, body),
    ),
  ),
  /** DELETE /api/v1/apiTokens/:uuid: revokes it at once. */
  route(
    "DELETE",
    "/apiTokens/:uuid",
    defineRoute(
      { summary: "Revoke an API token at once", access: "admin", params: UuidParams, response: ApiTokenResponseBody },
      ({ deps, ctx, params }) => revokeApiToken(deps, ctx, params.uuid),
    ),
  ),

  /** GET /api/v1/workspace/auditLog/list?limit&before: newest first. */
  route(
    "GET",
    "/workspace/auditLog/list",
    defineRoute(
      { summary: "The audit log, newest first", access: "admin", query: AuditLogQuery, response: AuditLogResponseBody },
      ({ deps, ctx, query }) => listAuditLog(deps, ctx.workspaceUuid, query),
    ),
  ),
];
