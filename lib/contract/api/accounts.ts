import { z } from "zod";
import { IsoDateTime, QueryDateTime, queryInteger, Uuid } from "./common";

export const WorkspaceRole = z.enum(["owner", "admin", "member"]).describe("owner and admin manage integrations, credentials, members and tokens");
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

const Email = z.email().max(254).describe("Sign-in email, case-insensitive");
/** Long enough to resist guessing; scrypt makes each guess slow too. */
export const Password = z.string().min(10, "At least 10 characters").max(256);
const PersonName = z.string().trim().min(1, "Required").max(100);
export const WorkspaceName = z.string().trim().min(1, "Required").max(100);

export const UserSummary = z.object({ uuid: Uuid, email: z.string(), name: z.string() });
export type UserSummary = z.infer<typeof UserSummary>;
export const WorkspaceSummary = z.object({ uuid: Uuid, name: z.string(), role: WorkspaceRole });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const SetupRequestBody = z.object({
  code: z.string().trim().min(1, "Required").describe("The one-time code npm start printed (also in DATA_DIR/setup-code)"),
  email: Email,
  password: Password,
  name: PersonName,
  workspaceName: WorkspaceName,
});
export type SetupRequestBody = z.infer<typeof SetupRequestBody>;

export const SignInRequestBody = z.object({ email: z.string().trim().min(1, "Required").max(254), password: z.string().min(1, "Required").max(256) });
export type SignInRequestBody = z.infer<typeof SignInRequestBody>;

export const SignOutQuery = z.object({ everywhere: z.enum(["true", "false"]).optional().describe("`true` ends every session of the user") });

export const SwitchWorkspaceRequestBody = z.object({ workspaceUuid: Uuid });

export const SessionResponseBody = z.object({ user: UserSummary, workspace: WorkspaceSummary });
export type SessionResponseBody = z.infer<typeof SessionResponseBody>;

export const SetupStatusResponseBody = z.object({ needsSetup: z.boolean() });
export type SetupStatusResponseBody = z.infer<typeof SetupStatusResponseBody>;

export const WhoamiResponseBody = z.object({
  user: UserSummary.optional(),
  apiToken: z.object({ uuid: Uuid, name: z.string(), prefix: z.string() }).optional(),
  workspace: z.object({ uuid: Uuid, name: z.string() }),
  role: WorkspaceRole,
  workspaces: z.array(WorkspaceSummary).describe("Every workspace the user belongs to (only the token's own for a token)"),
});
export type WhoamiResponseBody = z.infer<typeof WhoamiResponseBody>;

export const CreateWorkspaceRequestBody = z.object({ name: WorkspaceName });
export const WorkspaceListResponseBody = z.object({ workspaces: z.array(WorkspaceSummary) });
export type WorkspaceListResponseBody = z.infer<typeof WorkspaceListResponseBody>;
export const WorkspaceResponseBody = z.object({ workspace: WorkspaceSummary });

export const Member = UserSummary.extend({ role: WorkspaceRole, joinedAt: IsoDateTime });
export type Member = z.infer<typeof Member>;
export const MemberListResponseBody = z.object({ members: z.array(Member) });
export type MemberListResponseBody = z.infer<typeof MemberListResponseBody>;
export const UpdateMemberRequestBody = z.object({ role: WorkspaceRole });

export const InvitationSummary = z.object({ uuid: Uuid, role: WorkspaceRole, createdAt: IsoDateTime, expiresAt: IsoDateTime });
export type InvitationSummary = z.infer<typeof InvitationSummary>;
export const CreateInvitationRequestBody = z.object({ role: WorkspaceRole.exclude(["owner"]).default("member") });
export const CreateInvitationResponseBody = z.object({
  invitation: InvitationSummary,
  url: z.string().describe("The link to send; shown once"),
});
export type CreateInvitationResponseBody = z.infer<typeof CreateInvitationResponseBody>;
export const InvitationListResponseBody = z.object({ invitations: z.array(InvitationSummary) });
export const InvitationPreviewQuery = z.object({ code: z.string().min(1) });
export const InvitationPreviewResponseBody = z.object({ workspace: z.object({ name: z.string() }), role: WorkspaceRole, expiresAt: IsoDateTime });
export type InvitationPreviewResponseBody = z.infer<typeof InvitationPreviewResponseBody>;
export const AcceptInvitationRequestBody = z.object({
  code: z.string().min(1),
  /** A new account, when the person is not signed in. */
  account: z.object({ email: Email, password: Password, name: PersonName }).optional(),
});

export const ApiTokenSummary = z.object({
  uuid: Uuid,
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to tell tokens apart"),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type ApiTokenSummary = z.infer<typeof ApiTokenSummary>;
export const CreateApiTokenRequestBody = z.object({
  name: z.string().trim().min(1, "Required").max(100),
  workspaceUuid: Uuid.optional().describe("A workspace the user belongs to; the session's current one by default"),
});
export const CreateApiTokenResponseBody = z.object({ apiToken: ApiTokenSummary, token: z.string().describe("Shown once; store it now") });
export type CreateApiTokenResponseBody = z.infer<typeof CreateApiTokenResponseBody>;
export const ApiTokenListResponseBody = z.object({ apiTokens: z.array(ApiTokenSummary) });
export type ApiTokenListResponseBody = z.infer<typeof ApiTokenListResponseBody>;
/** `DELETE /apiTokens/:uuid`: the token as it is now, revoked. */
export const ApiTokenResponseBody = z.object({ apiToken: ApiTokenSummary });
export type ApiTokenResponseBody = z.infer<typeof ApiTokenResponseBody>;

/** What the audit log records, `<what>.<whatHappened>`. */
export const AuditAction = z
  .enum([
    "instance.setUp",
    "workspace.created",
    "session.signedIn",
    "session.signInFailed",
    "session.signedOut",
    "session.signedOutEverywhere",
    "member.invited",
    "member.joined",
    "member.roleChanged",
    "member.removed",
    "apiToken.created",
    "apiToken.revoked",
    "customIntegration.registered",
    "customIntegration.moved",
    "customIntegration.removed",
    "connector.created",
    "connector.updated",
    "connector.removed",
    "dataset.created",
    "model.created",
    "model.updated",
    "model.removed",
    "model.syncStarted",
    "model.syncCancelled",
    "segment.created",
    "segment.updated",
    "segment.removed",
    "file.uploaded",
    "batch.created",
    "release.deployed",
    "batch.cancelled",
    "batch.retried",
    "tool.created",
    "tool.updated",
    "tool.removed",
    "tool.webhookRotated",
    "tool.webhookDisabled",
    "play.created",
    "play.updated",
    "play.removed",
    "play.enabled",
    "play.disabled",
  ])
  .describe("What happened to the target");
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  uuid: Uuid,
  actor: z.string().nullable().describe("An email, a token's name, or null for the system"),
  // Read as any string: an entry keeps the name it was written under after an action is renamed.
  action: z.string().describe("An AuditAction"),
  target: z.string().nullable().describe("What it happened to: an email, a name, a slug or a uuid"),
  details: z.record(z.string(), z.unknown()).nullable().describe("Names and uuids, never secrets or record data"),
  ip: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditLogQuery = z.object({
  limit: queryInteger(1, 200).default(50),
  before: QueryDateTime.optional(),
});
export const AuditLogResponseBody = z.object({ entries: z.array(AuditEntry) });
export type AuditLogResponseBody = z.infer<typeof AuditLogResponseBody>;
