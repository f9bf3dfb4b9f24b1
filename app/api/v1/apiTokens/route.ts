import { CreateApiTokenRequestBody } from "@/lib/contract";
import { createApiToken, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/apiTokens `{name, workspaceUuid?}`: the token is in this answer only. */
export const POST = defineRoute({ body: CreateApiTokenRequestBody }, ({ deps, ctx, body }) => createApiToken(deps, ctx, body));
