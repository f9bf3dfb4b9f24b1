import { ConnectorCompleteOauthRequestBody, SlugParams } from "@/lib/contract";
import { completeOauth, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/integrations/:slug/completeOauth: trade an OAuth code, store the value. */
export const POST = defineRoute({ access: "admin", params: SlugParams, body: ConnectorCompleteOauthRequestBody }, ({ deps, ctx, params, body }) =>
  completeOauth(deps, ctx.workspaceUuid, params.slug, body),
);
