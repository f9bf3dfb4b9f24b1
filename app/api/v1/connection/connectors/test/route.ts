import { TestConnectorConfigRequestBody } from "@/lib/contract";
import { defineRoute, testConnectorConfig } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/connectors/test: authenticate a config without saving it. */
export const POST = defineRoute({ access: "admin", body: TestConnectorConfigRequestBody }, ({ deps, ctx, body }) =>
  testConnectorConfig(deps, ctx.workspaceUuid, body.integrationSlug, body.config),
);
