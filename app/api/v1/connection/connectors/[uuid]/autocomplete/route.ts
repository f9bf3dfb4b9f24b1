import { ConnectorAutocompleteRequestBody, UuidParams } from "@/lib/contract";
import { connectorAutocomplete, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors/:uuid/autocomplete: `{slug, params, value?, refresh?}` → `{results}` */
export const POST = defineRoute({ params: UuidParams, body: ConnectorAutocompleteRequestBody }, ({ deps, ctx, params, body }) =>
  connectorAutocomplete(deps, ctx.workspaceUuid, params.uuid, body),
);
