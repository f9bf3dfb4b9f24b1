import { CreateCustomIntegrationRequestBody } from "@/lib/contract";
import { audit, defineRoute, registerCustomIntegration } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/customIntegrations: register a server after validating its manifest. */
export const POST = defineRoute({ access: "admin", body: CreateCustomIntegrationRequestBody }, async ({ deps, ctx, body }) => {
  const customIntegration = await registerCustomIntegration(deps, ctx.workspaceUuid, body.baseUrl);
  await audit(deps, ctx, "customIntegration.registered", customIntegration.slug, { baseUrl: body.baseUrl });
  return { customIntegration };
});
