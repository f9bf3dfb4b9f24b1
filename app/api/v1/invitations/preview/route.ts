import { InvitationPreviewQuery } from "@/lib/contract";
import { defineRoute, previewInvitation } from "@/lib/server";

export const dynamic = "force-dynamic";

/** GET /api/v1/invitations/preview?code: which workspace and role an invitation link is for. */
export const GET = defineRoute({ access: "public", query: InvitationPreviewQuery }, ({ deps, query }) => previewInvitation(deps, query.code));
