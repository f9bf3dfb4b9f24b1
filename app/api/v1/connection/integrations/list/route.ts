import { IntegrationListQuery } from "@/lib/contract";
import { defineRoute, listIntegrations } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/integrations/list?category&search&slugs&hasActions&hasExtractors */
export const GET = defineRoute({ query: IntegrationListQuery }, async ({ deps, ctx, query }) => ({
  integrations: await listIntegrations(deps, ctx.workspaceUuid, query),
}));
