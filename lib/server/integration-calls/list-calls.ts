import type { IntegrationCall, IntegrationCallScope, ListIntegrationCallsQuery, ListIntegrationCallsResponseBody } from "@/lib/contract";
import { getCustomIntegration } from "../custom-integrations";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";

type Ctx = Pick<Deps, "db" | "integrations">;

/**
 * How long a read waits for this process's queued calls to be written, so a refresh right after
 * a call shows it; past it (a slow database) the read goes on without them.
 */
const FLUSH_BEFORE_READ_MS = 500;

/** The inspector's calls of a custom integration's server or of a connector, newest first, without their bodies (404 for another workspace's). */
export async function listIntegrationCalls(ctx: Ctx, workspaceUuid: string, scope: IntegrationCallScope, query: ListIntegrationCallsQuery): Promise<ListIntegrationCallsResponseBody> {
  await assertScopeExists(ctx, workspaceUuid, scope);
  await ctx.integrations.calls.flush(FLUSH_BEFORE_READ_MS);
  const [calls, endpoints] = await Promise.all([ctx.db.integrationCalls.list(workspaceUuid, scope, query), ctx.db.integrationCalls.endpoints(workspaceUuid, scope)]);
  return { calls, endpoints };
}

/** One call in full, headers and bodies: the inspector's detail (404 when it is not the scope's). */
export async function getIntegrationCall(ctx: Ctx, workspaceUuid: string, scope: IntegrationCallScope, callId: string): Promise<{ call: IntegrationCall }> {
  await assertScopeExists(ctx, workspaceUuid, scope);
  const call = await ctx.db.integrationCalls.get(workspaceUuid, scope, callId);
  if (!call) throw new AppError("not_found:integrationCall", `No call with uuid ${callId} among the kept calls`, { reason: "integrationCallNotFound" });
  return { call };
}

async function assertScopeExists(ctx: Ctx, workspaceUuid: string, { kind, uuid }: IntegrationCallScope): Promise<void> {
  if (kind === "customIntegration") {
    await getCustomIntegration(ctx, workspaceUuid, uuid);
  } else if (!(await ctx.db.connectors.get(workspaceUuid, uuid))) {
    throw new AppError("not_found:connector", `No connector with uuid ${uuid}`, { reason: "connectorNotFound" });
  }
}
