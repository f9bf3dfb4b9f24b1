import { ConnectorDynamicSchemaRequestBody, UuidParams } from "@/lib/contract";
import { connectorDynamicSchema, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors/:uuid/dynamicSchema: `{slug, params}` → `{jsonSchema, uiSchema}` */
export const POST = defineRoute({ params: UuidParams, body: ConnectorDynamicSchemaRequestBody }, ({ deps, ctx, params, body }) =>
  connectorDynamicSchema(deps, ctx.workspaceUuid, params.uuid, body),
);
