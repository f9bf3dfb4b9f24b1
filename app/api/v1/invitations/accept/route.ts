import { AcceptInvitationRequestBody } from "@/lib/contract";
import { acceptInvitation, defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/invitations/accept `{code, account?}`: join as the signed-in user, or with a new account. */
export const POST = defineRoute({ access: "public", body: AcceptInvitationRequestBody }, ({ deps, ctx, body, request }) => acceptInvitation(deps, ctx, body, request));
