import { authSettings } from "../auth/auth-settings";
import { declaredBodyTooLarge, hostAllowed } from "../auth/request-guards";
import { canonicalApiPath } from "./api-base";

/**
 * The routes that stream a larger body (`defineRoute`'s `upload`): they hold its declared size to
 * their own cap, so the limit here would refuse what they take.
 */
const UPLOAD_PATHS = new Set(["/api/v1/workspace/files"]);

/**
 * The checks every request passes before any page or API route sees it: a Host this server is not
 * served under (DNS rebinding) answers 403, a body declared over the limit 413 (but to an upload
 * route). Null lets it through. proxy.ts runs it for what Next serves, the API app for every API
 * request, however it arrives.
 */
export function requestRefusal(request: Request): Response | null {
  const settings = authSettings();
  const host = request.headers.get("host");
  if (!hostAllowed(host, settings)) {
    return Response.json(
      { errorMessage: `This server does not answer to the host ${host ?? "(none)"}; set APP_URL to the address it is served at` },
      { status: 403 },
    );
  }
  if (declaredBodyTooLarge(request, settings.maxBodyBytes) && !UPLOAD_PATHS.has(canonicalApiPath(new URL(request.url).pathname).replace(/\/+$/, ""))) {
    return Response.json({ errorMessage: `The request body is over the ${Math.round(settings.maxBodyBytes / 1024 / 1024)} MB limit` }, { status: 413 });
  }
  return null;
}
