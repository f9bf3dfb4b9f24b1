import { UpdateCustomIntegrationRequestBody, UuidParams } from "@/lib/contract";
import { audit, defineRoute, getCustomIntegration, removeCustomIntegration, updateCustomIntegrationUrl } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/customIntegrations/:uuid (Cargo's docs answer under `connector`; both keys are sent). */
export const GET = defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => {
  const customIntegration = await getCustomIntegration(deps, ctx.workspaceUuid, params.uuid);
  return { customIntegration, connector: customIntegration };
});

/** PUT /api/v1/connection/customIntegrations/:uuid: change the base URL (the new server is validated first). */
export const PUT = defineRoute({ access: "admin", params: UuidParams, body: UpdateCustomIntegrationRequestBody }, async ({ deps, ctx, params, body }) => {
  const customIntegration = await updateCustomIntegrationUrl(deps, ctx.workspaceUuid, params.uuid, body.baseUrl);
  await audit(deps, ctx, "customIntegration.moved", customIntegration.slug, { baseUrl: body.baseUrl });
  return { customIntegration };
});

/** DELETE /api/v1/connection/customIntegrations/:uuid: also removes the connectors that used it. */
export const DELETE = defineRoute({ access: "admin", params: UuidParams }, async ({ deps, ctx, params }) => {
  await removeCustomIntegration(deps, ctx.workspaceUuid, params.uuid);
  await audit(deps, ctx, "customIntegration.removed", params.uuid);
  return {};
});
