import { ValidateNodesRequestBody } from "@/lib/contract";
import { defineRoute, validateWorkflowNodes } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/orchestration/nodes/validate: findings about a graph, `valid` or `notValid`, warnings either way. */
export const POST = defineRoute({ body: ValidateNodesRequestBody }, ({ deps, ctx, body }) => validateWorkflowNodes(deps, ctx.workspaceUuid, body.nodes));
