import { ExecuteTopLevelActionRequestBody } from "@/lib/contract";
import { defineRoute, executeTopLevelAction } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/orchestration/actions/execute `{action, data}`: one action as a run; answers once it ends. */
export const POST = defineRoute({ body: ExecuteTopLevelActionRequestBody }, async ({ deps, ctx, body }) => ({
  run: await executeTopLevelAction(deps, ctx.workspaceUuid, body),
}));
