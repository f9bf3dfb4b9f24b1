import { ExecuteConnectorActionParams, ExecuteConnectorActionRequestBody } from "@/lib/contract";
import { defineRoute, executeConnectorAction } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors/:uuid/actions/:actionSlug/execute: run one action once, polling `executing`. */
export const POST = defineRoute(
  { params: ExecuteConnectorActionParams, body: ExecuteConnectorActionRequestBody },
  ({ deps, ctx, params, body, request }) =>
    executeConnectorAction(deps, ctx.workspaceUuid, params.uuid, params.actionSlug, body.config, { signal: request.signal }),
);
