import { isAdmin, resolvePrincipal, type Principal } from "./auth/principal";
import { authSettings } from "./auth/auth-settings";
import { crossSiteRefusal, declaredBodyTooLarge, hostAllowed } from "./auth/request-guards";
import { clientIp } from "./auth/session-cookie";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";

/** Who may call a route: anyone, any member of the workspace, or its admins and owners. */
export type AccessLevel = "public" | "member" | "admin";

/** The body a route takes: JSON under `MAX_BODY_BYTES` (the default), or a multipart upload under the route's own cap. */
export interface BodyRule {
  type: "application/json" | "multipart/form-data";
  maxBytes: number;
}

/** Who is calling and in which workspace; every repository call is scoped by it. */
export interface RequestContext {
  /** The workspace of the session or token; empty only on a public route called without credentials. */
  workspaceUuid: string;
  requestId: string;
  principal: Principal | null;
  ip: string | null;
}

/**
 * The one place authentication hooks in, before a route reads anything: the Host allowlist, the
 * body limit, the credentials (a bearer token, else the session cookie; none, where the route
 * needs someone, is a 401), the cross-site check for cookie-authenticated writes, then the route's
 * access level. The workspace comes from the credentials, never from the request.
 */
export async function resolveRequestContext(
  request: Request,
  deps: Pick<Deps, "db">,
  level: AccessLevel = "member",
  body: BodyRule = { type: "application/json", maxBytes: authSettings().maxBodyBytes },
): Promise<RequestContext> {
  const settings = authSettings();
  if (!hostAllowed(request.headers.get("host"), settings)) {
    throw new AppError("forbidden:host", `This server does not answer to the host ${request.headers.get("host") ?? "(none)"}; set APP_URL to the address it is served at`);
  }
  if (declaredBodyTooLarge(request, body.maxBytes)) throw bodyTooLarge(body.maxBytes);
  // On a public route (sign-in, setup, invitations) a cookie whose session ended is no one, so
  // the person can sign in again; a wrong API token is still an error everywhere.
  const principal = await resolvePrincipal(request, deps.db).catch((error: unknown) => {
    if (level === "public" && error instanceof AppError && error.code === "unauthorized:session") return null;
    throw error;
  });
  // No one, where someone is needed, is refused as such whatever the request looks like.
  if (level !== "public" && !principal) throw new AppError("unauthorized", "Sign in, or send an API token as `Authorization: Bearer <token>`");
  if (!request.headers.has("authorization")) {
    const ownHosts = new Set([...requestHosts(request), settings.appUrl.host]);
    const refusal = crossSiteRefusal(request, (host) => ownHosts.has(host), body.type);
    if (refusal) throw new AppError("forbidden:crossSite", `Refused: ${refusal}`, { reason: "crossSiteRequest" });
  }
  if (level === "admin" && principal && !isAdmin(principal.role)) {
    throw new AppError("forbidden:role", "Only the workspace's admins and owners may do this", { reason: "roleForbidden" });
  }
  return {
    workspaceUuid: principal?.workspaceUuid ?? "",
    requestId: request.headers.get("x-request-id") ?? crypto.randomUUID(),
    principal,
    ip: clientIp(request),
  };
}

export function bodyTooLarge(maxBodyBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is over the ${Math.round(maxBodyBytes / 1024 / 1024)} MB limit`);
}

/** The hosts the caller reached the app by: the Host header, and a proxy's X-Forwarded-Host. */
export function requestHosts(request: Request): string[] {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",").map((host) => host.trim()) ?? [];
  return [...new Set([request.headers.get("host"), ...forwarded])].filter((host): host is string => Boolean(host));
}
