import { CreateConnectorRequestBody } from "@/lib/contract";
import { audit, createConnector, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors: authenticate first, then save encrypted. */
export const POST = defineRoute({ access: "admin", body: CreateConnectorRequestBody }, async ({ deps, ctx, body }) => {
  const connector = await createConnector(deps, ctx.workspaceUuid, body);
  await audit(deps, ctx, "connector.created", connector.slug, { integrationSlug: body.integrationSlug });
  return { connector };
});
