// The checks every request passes before anything else, pure so proxy.ts and defineRoute share them:
// the Host allowlist (DNS rebinding), the cross-site check for cookie-authenticated writes (CSRF),
// and the body size limit.
import type { AuthSettings } from "./auth-settings";

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * A page on another site can point a name it controls at this server's address (DNS rebinding);
 * its requests then carry that name as Host. Only APP_URL's host and the localhost names pass.
 */
export function hostAllowed(hostHeader: string | null, settings: AuthSettings): boolean {
  if (!hostHeader) return false;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  if (url.host === settings.appUrl.host) return true;
  const hostname = url.hostname.toLowerCase();
  return LOCAL_HOSTNAMES.has(hostname) || hostname.endsWith(".localhost");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a cookie-authenticated request may not change state, or null when it may. A browser says
 * where a request comes from (Sec-Fetch-Site, else Origin); a request that says neither did not
 * come from a page. Bodies must be JSON: a cross-site form or text/plain post never is. An upload
 * route takes multipart/form-data, which a form can post too, so only from a page that says it is ours.
 */
export function crossSiteRefusal(
  request: Request,
  isOwnHost: (host: string) => boolean,
  bodyType: "application/json" | "multipart/form-data" = "application/json",
): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (site && site !== "same-origin" && site !== "none") return `a ${site} request may not change anything here`;
  if (origin && origin !== "null") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return "the request's Origin is not a URL";
    }
    if (!isOwnHost(host)) return `a request from ${origin} may not change anything here`;
  } else if (origin === "null") {
    return "a request from an opaque origin may not change anything here";
  }
  const hasBody = Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if ((type !== "" || hasBody) && type !== bodyType) return `a request body must be sent as ${bodyType}`;
  if (bodyType === "multipart/form-data" && site !== "same-origin" && !origin) return "an upload must come from this app's pages";
  return null;
}

/** True when the declared length is over the limit (the body is also counted as it is read). */
export function declaredBodyTooLarge(request: Request, maxBodyBytes: number): boolean {
  return Number(request.headers.get("content-length") ?? 0) > maxBodyBytes;
}

/** The headers every page and API answer carries. */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];
