import type { ListIntegrationCallsQuery, ListIntegrationCallsResponseBody } from "@/lib/contract";
import type { IntegrationCallScope } from "@/lib/db";
import { getCustomIntegration } from "../custom-integrations";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";

type Ctx = Pick<Deps, "db" | "integrations">;

/** The inspector's calls to one custom integration's server, newest first (404 for another workspace's). */
export async function listCustomIntegrationCalls(ctx: Ctx, workspaceUuid: string, uuid: string, query: ListIntegrationCallsQuery) {
  await getCustomIntegration(ctx, workspaceUuid, uuid);
  return listCalls(ctx, workspaceUuid, { customIntegrationUuid: uuid }, query);
}

/** The inspector's calls made for one connector, newest first (404 for another workspace's). */
export async function listConnectorCalls(ctx: Ctx, workspaceUuid: string, uuid: string, query: ListIntegrationCallsQuery) {
  if (!(await ctx.db.connectors.get(workspaceUuid, uuid))) {
    throw new AppError("not_found:connector", `No connector with uuid ${uuid}`, { reason: "connectorNotFound" });
  }
  return listCalls(ctx, workspaceUuid, { connectorUuid: uuid }, query);
}

async function listCalls(ctx: Ctx, workspaceUuid: string, scope: IntegrationCallScope, query: ListIntegrationCallsQuery): Promise<ListIntegrationCallsResponseBody> {
  // This process's calls of the last moments are still queued; a refresh right after a call shows it.
  await ctx.integrations.calls.flush();
  const [calls, endpoints] = await Promise.all([ctx.db.integrationCalls.list(workspaceUuid, scope, query), ctx.db.integrationCalls.endpoints(workspaceUuid, scope)]);
  return { calls, endpoints };
}
