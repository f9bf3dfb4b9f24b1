import { AuditLogQuery } from "@/lib/contract";
import { defineRoute, listAuditLog } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspace/auditLog/list?limit&before: newest first. */
export const GET = defineRoute({ access: "admin", query: AuditLogQuery }, ({ deps, ctx, query }) => listAuditLog(deps, ctx.workspaceUuid, query));
