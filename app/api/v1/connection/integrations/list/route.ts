import { defineRoute, listIntegrations } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/integrations/list: the catalog, manifests fetched live. */
export const GET = defineRoute({}, async ({ deps, ctx }) => ({
  integrations: await listIntegrations(deps, ctx.workspaceUuid),
}));
