import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { Deps } from "./deps";

/** Who is calling and in which workspace; every repository call is scoped by it. */
export interface RequestContext {
  workspaceUuid: string;
  requestId: string;
}

/**
 * The one place authentication hooks in. The embedded default has a single workspace and no
 * users, so every request acts in it; an API-token check will resolve the workspace here.
 */
export async function resolveRequestContext(request: Request, deps: Deps): Promise<RequestContext> {
  void deps;
  return {
    workspaceUuid: DEFAULT_WORKSPACE_UUID,
    requestId: request.headers.get("x-request-id") ?? crypto.randomUUID(),
  };
}

/** The hosts the caller reached the app by: the Host header, and a proxy's X-Forwarded-Host. */
export function requestHosts(request: Request): string[] {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",").map((host) => host.trim()) ?? [];
  return [...new Set([request.headers.get("host"), ...forwarded])].filter((host): host is string => Boolean(host));
}
