import { UuidParams } from "@/lib/contract";
import { defineRoute, revokeApiToken } from "@/lib/server";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/apiTokens/:uuid: revokes it at once. */
export const DELETE = defineRoute({ access: "admin", params: UuidParams }, ({ deps, ctx, params }) => revokeApiToken(deps, ctx, params.uuid));
