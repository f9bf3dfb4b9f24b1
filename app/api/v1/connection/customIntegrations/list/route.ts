import { defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/customIntegrations/list */
export const GET = defineRoute({}, async ({ deps, ctx }) => ({
  customIntegrations: await deps.db.customIntegrations.list(ctx.workspaceUuid),
}));
