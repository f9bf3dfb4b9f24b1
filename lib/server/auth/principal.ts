import type { WorkspaceRole } from "@/lib/contract";
import type { Database } from "@/lib/db";
import { systemClock } from "@/lib/engine/clock";
import { AppError } from "../errors";
import { hashSecret } from "./secrets";
import { readSessionCookie } from "./session-cookie";

/** Who is calling: a signed-in user, or an API token acting for the user who created it. */
export type Principal =
  | { kind: "user"; user: { uuid: string; email: string; name: string }; role: WorkspaceRole; workspaceUuid: string; sessionIdHash: string }
  | { kind: "token"; token: { uuid: string; name: string; prefix: string }; userUuid: string; role: WorkspaceRole; workspaceUuid: string };

/** Touching `last_used_at` on every call would write on every read; once a minute is enough to show. */
const TOKEN_TOUCH_MS = 60_000;

/**
 * The principal behind a request, or null when it carries no credentials. Credentials that are
 * present but wrong (unknown, revoked or expired, or a user no longer in the workspace) are a 401,
 * never a quiet fall-back to anonymous.
 */
export async function resolvePrincipal(request: Request, db: Database, now = systemClock.now()): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) return resolveToken(authorization, db, now);
  const cookie = readSessionCookie(request);
  if (cookie) return resolveSession(cookie, db, now);
  return null;
}

async function resolveToken(authorization: string, db: Database, now: Date): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new AppError("unauthorized:token", "The Authorization header must be `Bearer <API token>`");
  const token = await db.apiTokens.findActive(hashSecret(match[1]!));
  const role = token?.role;
  if (!token || !token.userUuid || !role) throw new AppError("unauthorized:token", "The API token is not valid: it is unknown or was revoked");
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOKEN_TOUCH_MS) await db.apiTokens.touch(token.uuid, now.toISOString());
  return {
    kind: "token",
    token: { uuid: token.uuid, name: token.name, prefix: token.prefix },
    userUuid: token.userUuid,
    role,
    workspaceUuid: token.workspaceUuid,
  };
}

async function resolveSession(cookie: string, db: Database, now: Date): Promise<Principal> {
  const sessionIdHash = hashSecret(cookie);
  const session = await db.sessions.get(sessionIdHash, now.toISOString());
  const user = session ? await db.users.get(session.userUuid) : null;
  const role = session && user ? await db.memberships.role(session.workspaceUuid, user.uuid) : null;
  if (!session || !user || !role) throw new AppError("unauthorized:session", "Your session has ended: sign in again");
  return { kind: "user", user: { uuid: user.uuid, email: user.email, name: user.name }, role, workspaceUuid: session.workspaceUuid, sessionIdHash };
}

/** What an audit entry names as the actor. */
export function actorOf(principal: Principal | null): { actorUserUuid: string | null; actorTokenUuid: string | null; actorLabel: string | null } {
  if (!principal) return { actorUserUuid: null, actorTokenUuid: null, actorLabel: null };
  if (principal.kind === "user") return { actorUserUuid: principal.user.uuid, actorTokenUuid: null, actorLabel: principal.user.email };
  return { actorUserUuid: principal.userUuid, actorTokenUuid: principal.token.uuid, actorLabel: `token ${principal.token.name}` };
}

/** The user acting: the signed-in user, or the creator of the token; null without credentials. */
export const userUuidOf = (principal: Principal | null): string | null => actorOf(principal).actorUserUuid;

export const isAdmin = (role: WorkspaceRole) => role === "owner" || role === "admin";
