import type { SessionResponseBody, SetupRequestBody, SignInRequestBody, WhoamiResponseBody } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID, type User } from "@/lib/db";
import { audit } from "./audit";
import { authSettings } from "./auth/auth-settings";
import { decoyHash, hashPassword, verifyPassword } from "./auth/passwords";
import { hashSecret, newSecret } from "./auth/secrets";
import { clearSessionCookieHeader, clientIp, SESSION_MS, sessionCookieHeader } from "./auth/session-cookie";
import { deleteSetupCode, readSetupCode, setupCodeMatches } from "./auth/setup-code";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";
import type { RequestContext } from "./request-context";

const FAILED_SIGN_IN = "session.signInFailed";
/** Failed sign-ins allowed in the window, per account and per address, before 429. */
const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/** Whether the instance still waits for its first user. */
export async function needsSetup(deps: { db: Pick<Deps["db"], "users"> }): Promise<boolean> {
  return (await deps.db.users.count()) === 0;
}

/**
 * The first user claims the instance with the code `npm start` printed: their account, owner of
 * the first workspace (the default one, renamed, which already holds the demo integration).
 */
export async function setup(deps: Pick<Deps, "db" | "settings">, body: SetupRequestBody, request: Request): Promise<Response> {
  if (!(await needsSetup(deps))) throw new AppError("conflict:setup", "This instance is already set up: sign in instead", { reason: "alreadySetUp" });
  const expected = readSetupCode(deps.settings.dataDir);
  if (!expected || !setupCodeMatches(expected, body.code)) {
    throw new AppError("forbidden:setupCode", "That setup code is not right: use the one `npm start` printed (also in DATA_DIR/setup-code)", { reason: "setupCodeInvalid" });
  }
  const passwordHash = await hashPassword(body.password);
  const user = await deps.db.transaction(async (db) => {
    if (!(await needsSetup({ db }))) throw new AppError("conflict:setup", "This instance is already set up: sign in instead", { reason: "alreadySetUp" });
    const created = await db.users.create({ uuid: crypto.randomUUID(), email: body.email, name: body.name, passwordHash });
    await db.workspaces.rename(DEFAULT_WORKSPACE_UUID, body.workspaceName);
    await db.memberships.add(DEFAULT_WORKSPACE_UUID, created.uuid, "owner");
    return created;
  });
  deleteSetupCode(deps.settings.dataDir);
  const ctx = { principal: null, ip: clientIp(request), workspaceUuid: DEFAULT_WORKSPACE_UUID };
  await audit(deps, ctx, "instance.setUp", user.email);
  return startSession(deps, user, DEFAULT_WORKSPACE_UUID, request, 201);
}

/** Signs in with email and password; failures are counted and rate-limited per account and address. */
export async function signIn(deps: Pick<Deps, "db">, body: SignInRequestBody, request: Request): Promise<Response> {
  const email = body.email.trim().toLowerCase();
  const ip = clientIp(request);
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMs).toISOString();
  // The attempt is counted before the password is checked (and taken back if it was right), so
  // guesses sent in parallel cannot all slip under the limit while scrypt runs.
  const failure = { actorUserUuid: null, actorTokenUuid: null, actorLabel: ip, action: FAILED_SIGN_IN, target: email, details: null, ip };
  const attempt = await deps.db.auditLog.append({ ...failure, workspaceUuid: null });
  const [byAccount, byAddress] = await Promise.all([
    deps.db.auditLog.countSince(FAILED_SIGN_IN, since, { target: email }),
    ip ? deps.db.auditLog.countSince(FAILED_SIGN_IN, since, { ip }) : Promise.resolve(0),
  ]);
  if (byAccount > SIGN_IN_LIMITS.perAccount || byAddress > SIGN_IN_LIMITS.perAddress) {
    throw new AppError("rate_limited:signIn", "Too many failed sign-ins: wait 15 minutes and try again", { reason: "signInRateLimited" });
  }
  const found = await deps.db.users.findWithPassword(email);
  const ok = await verifyPassword(body.password, found?.passwordHash ?? (await decoyHash()));
  if (found && ok) await deps.db.auditLog.remove(attempt);
  if (!found || !ok) {
    // The row outside any workspace counts toward the limits; the account's workspaces see theirs.
    for (const { uuid } of found ? await deps.db.memberships.workspacesOf(found.uuid) : []) await deps.db.auditLog.append({ ...failure, workspaceUuid: uuid });
    throw new AppError("unauthorized:signIn", "That email and password do not match an account");
  }
  const workspaces = await deps.db.memberships.workspacesOf(found.uuid);
  const workspace = workspaces[0];
  if (!workspace) throw new AppError("forbidden:noWorkspace", "This account belongs to no workspace any more: ask an admin to invite you again");
  for (const { uuid } of workspaces) {
    await deps.db.auditLog.append({ workspaceUuid: uuid, actorUserUuid: found.uuid, actorTokenUuid: null, actorLabel: found.email, action: "session.signedIn", target: found.email, details: null, ip });
  }
  return startSession(deps, found, workspace.uuid, request, 200);
}

/** A new server-side session and its cookie. */
export async function startSession(deps: Pick<Deps, "db">, user: User, workspaceUuid: string, request: Request, status: number): Promise<Response> {
  const secret = newSecret("");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_MS);
  // Ended sessions are swept whenever a new one starts, so the table holds live ones only.
  await deps.db.sessions.deleteExpired(now.toISOString());
  await deps.db.sessions.create(hashSecret(secret), {
    userUuid: user.uuid,
    workspaceUuid,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ip: clientIp(request) ?? undefined,
    userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? undefined,
  });
  const body = await sessionBody(deps, user, workspaceUuid);
  return Response.json(body, { status, headers: { "set-cookie": sessionCookieHeader(secret, expiresAt, request, authSettings()) } });
}

async function sessionBody(deps: Pick<Deps, "db">, user: User, workspaceUuid: string): Promise<SessionResponseBody> {
  const workspace = (await deps.db.memberships.workspacesOf(user.uuid)).find((w) => w.uuid === workspaceUuid);
  if (!workspace) throw new AppError("not_found:workspace", "No such workspace");
  return { user: { uuid: user.uuid, email: user.email, name: user.name }, workspace };
}

/** Ends this session, or with `everywhere` every session of the user. */
export async function signOut(deps: Pick<Deps, "db">, ctx: RequestContext, everywhere: boolean): Promise<Response> {
  const principal = ctx.principal;
  if (principal?.kind !== "user") throw new AppError("bad_request:signOut", "Only a signed-in session can sign out; revoke an API token instead");
  if (everywhere) await deps.db.sessions.deleteAllOf(principal.user.uuid);
  else await deps.db.sessions.delete(principal.sessionIdHash);
  await audit(deps, ctx, everywhere ? "session.signedOutEverywhere" : "session.signedOut", principal.user.email);
  return Response.json({}, { headers: { "set-cookie": clearSessionCookieHeader() } });
}

/** Moves the session to another workspace the user belongs to. */
export async function switchWorkspace(deps: Pick<Deps, "db">, ctx: RequestContext, workspaceUuid: string): Promise<SessionResponseBody> {
  const principal = ctx.principal;
  if (principal?.kind !== "user") throw new AppError("bad_request:switch", "An API token belongs to one workspace; create a token in the other workspace instead");
  const user = await deps.db.users.get(principal.user.uuid);
  if (!user || !(await deps.db.memberships.role(workspaceUuid, user.uuid))) throw new AppError("not_found:workspace", "No such workspace");
  await deps.db.sessions.switchWorkspace(principal.sessionIdHash, workspaceUuid);
  return sessionBody(deps, user, workspaceUuid);
}

export async function whoami(deps: Pick<Deps, "db">, ctx: RequestContext): Promise<WhoamiResponseBody> {
  const principal = ctx.principal!;
  const workspace = await deps.db.workspaces.get(ctx.workspaceUuid);
  if (!workspace) throw new AppError("not_found:workspace", "No such workspace");
  const base = { workspace: { uuid: workspace.uuid, name: workspace.name }, role: principal.role };
  if (principal.kind === "token") return { ...base, apiToken: principal.token, workspaces: [{ ...base.workspace, role: principal.role }] };
  return { ...base, user: principal.user, workspaces: await deps.db.memberships.workspacesOf(principal.user.uuid) };
}
