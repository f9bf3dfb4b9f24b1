import { UpdateWorkflowRequestBody, UuidParams } from "@/lib/contract";
import { defineRoute, getWorkflow, removeWorkflow, updateWorkflow } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/orchestration/workflows/:uuid */
export const GET = defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => ({
  workflow: await getWorkflow(deps, ctx.workspaceUuid, params.uuid),
}));

/** PUT /api/v1/orchestration/workflows/:uuid: `{name?, nodes?, updatedAt}`; 409 with the current workflow when stale. */
export const PUT = defineRoute({ params: UuidParams, body: UpdateWorkflowRequestBody }, async ({ deps, ctx, params, body }) => ({
  workflow: await updateWorkflow(deps, ctx.workspaceUuid, params.uuid, body),
}));

/** DELETE /api/v1/orchestration/workflows/:uuid (its runs stay as history) */
export const DELETE = defineRoute({ params: UuidParams }, async ({ deps, ctx, params }) => {
  await removeWorkflow(deps, ctx.workspaceUuid, params.uuid);
  return {};
});
