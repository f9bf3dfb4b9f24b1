import { defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/connection/nativeIntegration: the built-in actions. */
export const GET = defineRoute({}, async ({ deps, ctx }) => {
  const { integration } = await deps.integrations.get(ctx.workspaceUuid, "native");
  return { nativeIntegration: { actions: integration.actions, extractors: integration.extractors } };
});
