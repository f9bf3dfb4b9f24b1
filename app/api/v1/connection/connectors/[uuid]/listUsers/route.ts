import { UuidParams } from "@/lib/contract";
import { connectorListUsers, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors/:uuid/listUsers → `{users}` */
export const POST = defineRoute({ params: UuidParams }, ({ deps, ctx, params }) => connectorListUsers(deps, ctx.workspaceUuid, params.uuid));
