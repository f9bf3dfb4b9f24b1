import { UuidParams } from "@/lib/contract";
import { defineRoute, refreshCustomIntegration } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/customIntegrations/:uuid/refresh: re-fetch the manifest now. */
export const POST = defineRoute({ access: "admin", params: UuidParams }, async ({ deps, ctx, params }) => ({
  customIntegration: await refreshCustomIntegration(deps, ctx.workspaceUuid, params.uuid),
}));
