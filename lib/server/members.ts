import type { CreateInvitationResponseBody, InvitationPreviewResponseBody, MemberListResponseBody, WorkspaceRole, WorkspaceSummary } from "@/lib/contract";
import { audit } from "./audit";
import { authSettings } from "./auth/auth-settings";
import { hashPassword } from "./auth/passwords";
import { hashSecret, newSecret } from "./auth/secrets";
import { startSession } from "./accounts";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";
import type { RequestContext } from "./request-context";

const INVITATION_DAYS = 7;

export async function listMembers(deps: Pick<Deps, "db">, workspaceUuid: string): Promise<MemberListResponseBody> {
  const members = await deps.db.memberships.list(workspaceUuid);
  return { members: members.map(({ uuid, email, name, role, joinedAt }) => ({ uuid, email, name, role, joinedAt })) };
}

/** Only an owner makes or unmakes owners, and the last owner stays. */
export async function changeRole(deps: Pick<Deps, "db">, ctx: RequestContext, userUuid: string, role: WorkspaceRole) {
  const current = await deps.db.memberships.role(ctx.workspaceUuid, userUuid);
  if (!current) throw new AppError("not_found:member", "No such member in this workspace");
  if ((role === "owner" || current === "owner") && ctx.principal?.role !== "owner") {
    throw new AppError("forbidden:role", "Only an owner can make or unmake owners", { reason: "roleForbidden" });
  }
  if (current === "owner" && role !== "owner" && (await deps.db.memberships.countOwners(ctx.workspaceUuid)) <= 1) {
    throw new AppError("conflict:lastOwner", "A workspace keeps at least one owner: make someone else owner first");
  }
  await deps.db.memberships.setRole(ctx.workspaceUuid, userUuid, role);
  await audit(deps, ctx, "member.roleChanged", await emailOf(deps, userUuid), { from: current, to: role });
  return listMembers(deps, ctx.workspaceUuid);
}

export async function removeMember(deps: Pick<Deps, "db">, ctx: RequestContext, userUuid: string) {
  const current = await deps.db.memberships.role(ctx.workspaceUuid, userUuid);
  if (!current) throw new AppError("not_found:member", "No such member in this workspace");
  if (current === "owner" && ctx.principal?.role !== "owner") throw new AppError("forbidden:role", "Only an owner can remove an owner", { reason: "roleForbidden" });
  if (current === "owner" && (await deps.db.memberships.countOwners(ctx.workspaceUuid)) <= 1) {
    throw new AppError("conflict:lastOwner", "A workspace keeps at least one owner: make someone else owner first");
  }
  const email = await emailOf(deps, userUuid);
  await deps.db.memberships.remove(ctx.workspaceUuid, userUuid);
  // Nothing of theirs may come back to life if they are invited again later.
  await deps.db.apiTokens.revokeAllOf(ctx.workspaceUuid, userUuid);
  await deps.db.sessions.deleteIn(ctx.workspaceUuid, userUuid);
  await audit(deps, ctx, "member.removed", email, { role: current });
  return listMembers(deps, ctx.workspaceUuid);
}

const emailOf = async (deps: Pick<Deps, "db">, userUuid: string) => (await deps.db.users.get(userUuid))?.email ?? userUuid;

/** An invitation link to copy (no mail server needed): single use, valid 7 days. */
export async function createInvitation(deps: Pick<Deps, "db">, ctx: RequestContext, role: WorkspaceRole, request: Request): Promise<CreateInvitationResponseBody> {
  const code = newSecret("");
  const now = new Date();
  const invitation = await deps.db.invitations.create(
    {
      uuid: crypto.randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      role,
      createdBy: ctx.principal?.kind === "user" ? ctx.principal.user.uuid : (ctx.principal?.userUuid ?? null),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    },
    hashSecret(code),
  );
  await audit(deps, ctx, "member.invited", null, { role, invitationUuid: invitation.uuid });
  const origin = request.headers.get("origin") ?? authSettings().appUrl.origin;
  const { uuid, createdAt, expiresAt } = invitation;
  return { invitation: { uuid, role, createdAt, expiresAt }, url: `${origin}/invite?code=${encodeURIComponent(code)}` };
}

export async function listInvitations(deps: Pick<Deps, "db">, workspaceUuid: string) {
  const invitations = await deps.db.invitations.listOpen(workspaceUuid, new Date().toISOString());
  return { invitations: invitations.map(({ uuid, role, createdAt, expiresAt }) => ({ uuid, role, createdAt, expiresAt })) };
}

async function openInvitation(deps: Pick<Deps, "db">, code: string) {
  const invitation = await deps.db.invitations.findOpen(hashSecret(code), new Date().toISOString());
  if (!invitation) throw new AppError("not_found:invitation", "This invitation link is not valid: it was used, it expired, or it was mistyped", { reason: "invitationInvalid" });
  return invitation;
}

export async function previewInvitation(deps: Pick<Deps, "db">, code: string): Promise<InvitationPreviewResponseBody> {
  const invitation = await openInvitation(deps, code);
  const workspace = await deps.db.workspaces.get(invitation.workspaceUuid);
  return { workspace: { name: workspace?.name ?? "" }, role: invitation.role, expiresAt: invitation.expiresAt };
}

/**
 * Accepts an invitation: a signed-in user joins with their account (and the session moves to the
 * workspace); someone new creates an account at the same time and is signed in.
 */
export async function acceptInvitation(
  deps: Pick<Deps, "db">,
  ctx: RequestContext,
  body: { code: string; account?: { email: string; password: string; name: string } },
  request: Request,
): Promise<Response> {
  const invitation = await openInvitation(deps, body.code);
  if (ctx.principal?.kind !== "user" && !body.account) throw new AppError("unauthorized", "Sign in, or create an account with the invitation");
  const passwordHash = ctx.principal?.kind !== "user" && body.account ? await hashPassword(body.account.password) : null;
  // The account, the use of the link and the membership happen together or not at all.
  const user = await deps.db.transaction(async (db) => {
    let joining;
    if (ctx.principal?.kind === "user") joining = await db.users.get(ctx.principal.user.uuid);
    else if (body.account && passwordHash) {
      if (await db.users.findWithPassword(body.account.email)) {
        throw new AppError("conflict:email", "An account with this email exists: sign in first, then open the link again", { reason: "emailTaken" });
      }
      joining = await db.users.create({ uuid: crypto.randomUUID(), email: body.account.email, name: body.account.name, passwordHash });
    }
    if (!joining) throw new AppError("unauthorized", "Sign in again");
    if (!(await db.invitations.accept(invitation.uuid, joining.uuid, new Date().toISOString()))) {
      throw new AppError("not_found:invitation", "This invitation link was just used", { reason: "invitationInvalid" });
    }
    await db.memberships.add(invitation.workspaceUuid, joining.uuid, invitation.role);
    return joining;
  });
  await audit(deps, { principal: ctx.principal, ip: ctx.ip, workspaceUuid: invitation.workspaceUuid }, "member.joined", user.email, { role: invitation.role });
  if (ctx.principal?.kind === "user") await deps.db.sessions.switchWorkspace(ctx.principal.sessionIdHash, invitation.workspaceUuid);
  else return startSession(deps, user, invitation.workspaceUuid, request, 201);
  const workspace: WorkspaceSummary | undefined = (await deps.db.memberships.workspacesOf(user.uuid)).find((w) => w.uuid === invitation.workspaceUuid);
  return Response.json({ user: { uuid: user.uuid, email: user.email, name: user.name }, workspace });
}
