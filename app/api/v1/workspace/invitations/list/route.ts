import { defineRoute, listInvitations } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspace/invitations/list: the open ones. */
export const GET = defineRoute({ access: "admin" }, ({ deps, ctx }) => listInvitations(deps, ctx.workspaceUuid));
