import type { WorkspaceListResponseBody, WorkspaceSummary } from "@/lib/contract";
import { audit } from "./audit";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";
import type { RequestContext } from "./request-context";

export async function listWorkspaces(deps: Pick<Deps, "db">, ctx: RequestContext): Promise<WorkspaceListResponseBody> {
  const principal = ctx.principal!;
  if (principal.kind === "token") {
    const workspace = await deps.db.workspaces.get(ctx.workspaceUuid);
    return { workspaces: workspace ? [{ uuid: workspace.uuid, name: workspace.name, role: principal.role }] : [] };
  }
  return { workspaces: await deps.db.memberships.workspacesOf(principal.user.uuid) };
}

/** A new workspace, its creator the owner. Only people create workspaces, not tokens. */
export async function createWorkspace(deps: Pick<Deps, "db">, ctx: RequestContext, name: string): Promise<{ workspace: WorkspaceSummary }> {
  const principal = ctx.principal!;
  if (principal.kind !== "user") throw new AppError("forbidden:token", "An API token cannot create workspaces; sign in instead");
  const uuid = crypto.randomUUID();
  await deps.db.transaction(async (db) => {
    await db.workspaces.create(uuid, name);
    await db.memberships.add(uuid, principal.user.uuid, "owner");
  });
  await audit(deps, { ...ctx, workspaceUuid: uuid }, "workspace.created", name);
  return { workspace: { uuid, name, role: "owner" } };
}
