import { CancelRunsRequestBody } from "@/lib/contract";
import { cancelRuns, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/orchestration/runs/cancel `{uuids}`: stops unfinished runs; answers which it cancelled. */
export const POST = defineRoute({ body: CancelRunsRequestBody }, ({ deps, ctx, body }) => cancelRuns(deps, ctx.workspaceUuid, body.uuids));
