import { CreateWorkflowRequestBody } from "@/lib/contract";
import { createWorkflow, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/orchestration/workflows: `{name, nodes?}`; without nodes, a start joined to an end. */
export const POST = defineRoute({ body: CreateWorkflowRequestBody }, async ({ deps, ctx, body }) => ({
  workflow: await createWorkflow(deps, ctx.workspaceUuid, body),
}));
