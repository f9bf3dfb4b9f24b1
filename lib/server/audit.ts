import type { AuditLogResponseBody } from "@/lib/contract";
import { actorOf } from "./auth/principal";
import type { Deps } from "./deps-types";
import type { RequestContext } from "./request-context";

/**
 * Records who did what, when and from where. A failure to write the log does not undo the action
 * it describes (that already happened); it is reported in the server log instead.
 */
export async function audit(
  deps: Pick<Deps, "db">,
  ctx: Pick<RequestContext, "principal" | "ip" | "workspaceUuid">,
  action: string,
  target: string | null,
  details?: Record<string, unknown>,
): Promise<void> {
  try {
    await deps.db.auditLog.append({ workspaceUuid: ctx.workspaceUuid || null, ...actorOf(ctx.principal), action, target, details: details ?? null, ip: ctx.ip });
  } catch (error) {
    console.error(`[audit] could not record ${action}: ${(error as Error).message}`);
  }
}

export async function listAuditLog(deps: Pick<Deps, "db">, workspaceUuid: string, query: { limit: number; before?: string }): Promise<AuditLogResponseBody> {
  const entries = await deps.db.auditLog.list(workspaceUuid, query);
  return {
    entries: entries.map((entry) => ({
      uuid: entry.uuid,
      actor: entry.actorLabel,
      action: entry.action,
      target: entry.target,
      details: entry.details,
      ip: entry.ip,
      createdAt: entry.createdAt,
    })),
  };
}
