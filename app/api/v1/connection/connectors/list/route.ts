import { ConnectorListQuery } from "@/lib/contract";
import { defineRoute, listConnectors } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/connectors/list?integrationSlug */
export const GET = defineRoute({ query: ConnectorListQuery }, async ({ deps, ctx, query }) => ({
  connectors: await listConnectors(deps, ctx.workspaceUuid, query),
}));
