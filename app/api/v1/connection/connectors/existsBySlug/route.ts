import { ConnectorExistsQuery } from "@/lib/contract";
import { defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/connectors/existsBySlug?slug */
export const GET = defineRoute({ query: ConnectorExistsQuery }, async ({ deps, ctx, query }) => ({
  exists: await deps.db.connectors.slugExists(ctx.workspaceUuid, query.slug),
}));
