import { ConnectorStartOauthRequestBody, SlugParams } from "@/lib/contract";
import { defineRoute, requestHosts, startOauth } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/integrations/:slug/startOauth: issue the single-use `state` for one sign-in. */
export const POST = defineRoute({ access: "admin", params: SlugParams, body: ConnectorStartOauthRequestBody }, ({ deps, ctx, params, body, request }) =>
  startOauth(deps, ctx.workspaceUuid, params.slug, body, requestHosts(request)),
);
