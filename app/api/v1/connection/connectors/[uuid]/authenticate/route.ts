import { UuidParams } from "@/lib/contract";
import { defineRoute, testConnector } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors/:uuid/authenticate: re-test the saved credentials. */
export const POST = defineRoute({ access: "admin",  params: UuidParams }, ({ deps, ctx, params }) => testConnector(deps, ctx.workspaceUuid, params.uuid));
