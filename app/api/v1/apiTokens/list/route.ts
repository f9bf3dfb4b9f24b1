import { defineRoute, listApiTokens } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/apiTokens/list: the workspace's tokens (prefix, last use, revoked), never the tokens. */
export const GET = defineRoute({ access: "admin" }, ({ deps, ctx }) => listApiTokens(deps, ctx.workspaceUuid));
