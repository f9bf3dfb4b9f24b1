import { CreateWorkspaceRequestBody } from "@/lib/contract";
import { createWorkspace, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/workspaces: a new workspace, its creator the owner. */
export const POST = defineRoute({ body: CreateWorkspaceRequestBody }, ({ deps, ctx, body }) => createWorkspace(deps, ctx, body.name));
