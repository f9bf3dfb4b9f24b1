import { CreateInvitationRequestBody } from "@/lib/contract";
import { createInvitation, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/workspace/invitations `{role}`: a single-use link to copy, valid 7 days. */
export const POST = defineRoute({ access: "admin", body: CreateInvitationRequestBody }, ({ deps, ctx, body, request }) => createInvitation(deps, ctx, body.role, request));
