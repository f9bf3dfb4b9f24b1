import { UuidParams } from "@/lib/contract";
import { defineRoute, duplicateWorkflow } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/orchestration/workflows/:uuid/duplicate: "<name> (copy)" with fresh node uuids. */
export const POST = defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => ({
  workflow: await duplicateWorkflow(deps, ctx.workspaceUuid, params.uuid),
}));
