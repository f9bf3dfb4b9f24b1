import { UpdateMemberRequestBody, UuidParams } from "@/lib/contract";
import { changeRole, defineRoute, removeMember } from "@/lib/server";

export const dynamic = "force-dynamic";

/** PUT /api/v1/workspace/members/:uuid `{role}` (the uuid is the user's) */
export const PUT = defineRoute({ access: "admin", params: UuidParams, body: UpdateMemberRequestBody }, ({ deps, ctx, params, body }) =>
  changeRole(deps, ctx, params.uuid, body.role),
);

/** DELETE /api/v1/workspace/members/:uuid: removes the user from this workspace. */
export const DELETE = defineRoute({ access: "admin", params: UuidParams }, ({ deps, ctx, params }) => removeMember(deps, ctx, params.uuid));
