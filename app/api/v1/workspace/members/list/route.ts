import { defineRoute, listMembers } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspace/members/list */
export const GET = defineRoute({}, ({ deps, ctx }) => listMembers(deps, ctx.workspaceUuid));
