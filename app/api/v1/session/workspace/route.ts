import { SwitchWorkspaceRequestBody } from "@/lib/contract";
import { defineRoute, switchWorkspace } from "@/lib/server";

export const dynamic = "force-dynamic";

/** PUT /api/v1/session/workspace: act in another workspace the user belongs to. */
export const PUT = defineRoute({ body: SwitchWorkspaceRequestBody }, ({ deps, ctx, body }) => switchWorkspace(deps, ctx, body.workspaceUuid));
