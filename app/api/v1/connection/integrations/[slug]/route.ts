import { SlugParams } from "@/lib/contract";
import { defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/integrations/:slug: the normalized view of one integration. */
export const GET = defineRoute({ params: SlugParams }, async ({ deps, ctx, params }) => ({
  integration: (await deps.integrations.get(ctx.workspaceUuid, params.slug)).integration,
}));
