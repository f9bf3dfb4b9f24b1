import type { AuditAction, AuditLogResponseBody } from "@/lib/contract";
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
  action: AuditAction,
  target: string | null,
  details?: Record<string, unknown>,
): Promise<void> {
  try {
    await deps.db.auditLog.append({ workspaceUuid: ctx.workspaceUuid || null, ...actorOf(ctx.principal), action, target, details: details ?? null, ip: ctx.ip });
  } catch (error) {
    console.error(`[audit] could not record ${action}: ${(error as Error).message}`);
  }
}

/** What an entry is about: its target, and details that are names and uuids only, never secrets or record data. */
export interface AuditSubject {
  target: string | null;
  details?: Record<string, unknown>;
}

/**
 * Waits for `change`, then records `action` about what it answered, and answers that: how a
 * route records what it changed. A change that fails is not recorded; its error goes on.
 * @example model: await audited(deps, ctx, "model.created", createModel(deps, ctx.workspaceUuid, body), named)
 */
export async function audited<T>(
  deps: Pick<Deps, "db">,
  ctx: Pick<RequestContext, "principal" | "ip" | "workspaceUuid">,
  action: AuditAction,
  change: Promise<T>,
  about: AuditSubject | ((result: T) => AuditSubject),
): Promise<T> {
  const result = await change;
  const { target, details } = typeof about === "function" ? about(result) : about;
  await audit(deps, ctx, action, target, details);
  return result;
}

/** The subject of a thing with a name: its uuid, and its name as it was then. */
export const named = ({ uuid, name }: { uuid: string; name: string }): AuditSubject => ({ target: uuid, details: { name } });

/** The subject of a thing known by its slug (connectors, custom integrations), with these details. */
export const slugged =
  (details: Record<string, unknown>) =>
  ({ slug }: { slug: string }): AuditSubject => ({ target: slug, details });

/** The subject of an update: the thing {@link named}, and which fields its body set (their names, not their values). */
export const changed =
  (body: object) =>
  ({ uuid, name }: { uuid: string; name: string }): AuditSubject => ({ target: uuid, details: { name, fields: Object.keys(body).sort() } });

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
