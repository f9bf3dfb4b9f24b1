import { UpdateConnectorRequestBody, UuidParams } from "@/lib/contract";
import { audit, defineRoute, getConnector, removeConnector, updateConnector } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/connectors/:uuid (secrets masked) */
export const GET = defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => ({
  connector: await getConnector(deps, ctx.workspaceUuid, params.uuid),
}));

/** PUT /api/v1/connection/connectors/:uuid: `{name?, config?}`; a masked secret keeps its value. */
export const PUT = defineRoute({ access: "admin", params: UuidParams, body: UpdateConnectorRequestBody }, async ({ deps, ctx, params, body }) => {
  const connector = await updateConnector(deps, ctx.workspaceUuid, params.uuid, body);
  await audit(deps, ctx, "connector.updated", connector.slug, { fields: Object.keys(body).sort() });
  return { connector };
});

/** DELETE /api/v1/connection/connectors/:uuid */
export const DELETE = defineRoute({ access: "admin", params: UuidParams }, async ({ deps, ctx, params }) => {
  await removeConnector(deps, ctx.workspaceUuid, params.uuid);
  await audit(deps, ctx, "connector.removed", params.uuid);
  return {};
});
