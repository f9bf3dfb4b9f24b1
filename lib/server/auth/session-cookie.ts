import { authSettings, type AuthSettings } from "./auth-settings";

export const SESSION_COOKIE = "relay_session";
/** Sessions last 14 days from sign-in (the cookie expires with them); then the user signs in again. */
export const SESSION_DAYS = 14;
export const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

/** The cookie's value from a Cookie header. */
export function readSessionCookie(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

/** httpOnly (no script reads it), SameSite=Lax, Secure when the app is served over HTTPS. */
export function sessionCookieHeader(value: string, expiresAt: Date, request: Request, settings: AuthSettings): string {
  const secure = settings.appUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearSessionCookieHeader(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

/**
 * The caller's address, for the audit log and the per-address sign-in limit. Only a reverse proxy
 * we are told about (TRUST_PROXY=1) can say it: the last X-Forwarded-For entry is the one that
 * proxy added. Without one the header is the client's own claim, so it is not used (null).
 */
export function clientIp(request: Request, trustProxy = authSettings().trustProxy): string | null {
  if (!trustProxy) return null;
  const hops = request.headers.get("x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  return hops.at(-1) ?? null;
}
