import { SetupRequestBody } from "@/lib/contract";
import { defineRoute, needsSetup, setup } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/setup: whether the instance still waits for its first user. */
export const GET = defineRoute({ access: "public" }, async ({ deps }) => ({ needsSetup: await needsSetup(deps) }));

/** POST /api/v1/setup: the first account and workspace, with the code `npm start` printed; 409 afterwards. */
export const POST = defineRoute({ access: "public", body: SetupRequestBody }, ({ deps, body, request }) => setup(deps, body, request));
