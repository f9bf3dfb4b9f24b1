import { CreateCustomIntegrationRequestBody } from "@/lib/contract";
import { defineRoute, registerCustomIntegration } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/customIntegrations: register a server after validating its manifest. */
export const POST = defineRoute({ body: CreateCustomIntegrationRequestBody }, async ({ deps, ctx, body }) => ({
  customIntegration: await registerCustomIntegration(deps, ctx.workspaceUuid, body.baseUrl),
}));
