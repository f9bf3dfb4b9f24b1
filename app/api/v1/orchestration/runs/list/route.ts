import { RunListQuery } from "@/lib/contract";
import { defineRoute, listRuns } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/orchestration/runs/list?workflowUuid&statuses&limit: newest first. */
export const GET = defineRoute({ query: RunListQuery }, async ({ deps, ctx, query }) => ({
  runs: await listRuns(deps, ctx.workspaceUuid, query),
}));
