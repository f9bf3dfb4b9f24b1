import { CreateRunQuery, CreateRunRequestBody } from "@/lib/contract";
import { createRun, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/orchestration/runs: validate the graph, queue a run; `?waitUntilFinished=true` answers once it ends. */
export const POST = defineRoute({ query: CreateRunQuery, body: CreateRunRequestBody }, async ({ deps, ctx, query, body }) => ({
  run: await createRun(deps, ctx.workspaceUuid, body, { wait: query.waitUntilFinished }),
}));
