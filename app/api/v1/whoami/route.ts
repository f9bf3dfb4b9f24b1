import { defineRoute, whoami } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/whoami: the user (or API token), the workspace and the role this request acts with. */
export const GET = defineRoute({}, ({ deps, ctx }) => whoami(deps, ctx));
