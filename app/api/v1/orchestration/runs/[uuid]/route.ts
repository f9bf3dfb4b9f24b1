import { UuidParams } from "@/lib/contract";
import { defineRoute, getRun } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/orchestration/runs/:uuid: the run with its context and computed configs, by node slug. */
export const GET = defineRoute({ params: UuidParams }, ({ deps, ctx, params }) => getRun(deps, ctx.workspaceUuid, params.uuid));
