import { defineRoute, listWorkflows } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/orchestration/workflows/list: summaries, most recently updated first. */
export const GET = defineRoute({}, async ({ deps, ctx }) => ({
  workflows: await listWorkflows(deps, ctx.workspaceUuid),
}));
