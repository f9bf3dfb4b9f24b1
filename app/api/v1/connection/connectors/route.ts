import { CreateConnectorRequestBody } from "@/lib/contract";
import { createConnector, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors: authenticate first, then save encrypted. */
export const POST = defineRoute({ body: CreateConnectorRequestBody }, async ({ deps, ctx, body }) => ({
  connector: await createConnector(deps, ctx.workspaceUuid, body),
}));
