import { createApiApp } from "@/lib/server/http/api-app";

export const dynamic = "force-dynamic";

const api = createApiApp();

/**
 * Every /api/* request Next serves (`next dev`, or a server that leaves the API to Next) goes to the
 * API app and its one route table (lib/server/http). The production server (scripts/serve.mts)
 * hands /api/* to the same app without passing through Next.
 */
function handle(request: Request) {
  return api.fetch(request);
}

export { handle as DELETE, handle as GET, handle as HEAD, handle as OPTIONS, handle as PATCH, handle as POST, handle as PUT };
