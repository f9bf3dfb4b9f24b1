import { defineRoute, listWorkspaces } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspaces/list: the workspaces the user belongs to, with their role. */
export const GET = defineRoute({}, ({ deps, ctx }) => listWorkspaces(deps, ctx));
