import { SlugParams } from "@/lib/contract";
import { defineRoute, integrationDocumentation } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/integrations/:slug/documentation: plain text. */
export const GET = defineRoute({ params: SlugParams }, async ({ deps, ctx, params }) => {
  const { integration } = await deps.integrations.get(ctx.workspaceUuid, params.slug);
  return new Response(integrationDocumentation(integration), { headers: { "content-type": "text/plain; charset=utf-8" } });
});
