import { checkHealth, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/health: is the app up and can it reach its database. */
export const GET = defineRoute({ access: "public" }, ({ deps, ctx }) => checkHealth(deps, ctx.workspaceUuid));
