import { SignInRequestBody, SignOutQuery } from "@/lib/contract";
import { defineRoute, signIn, signOut } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/session: sign in with email and password (sets the session cookie). */
export const POST = defineRoute({ access: "public", body: SignInRequestBody }, ({ deps, body, request }) => signIn(deps, body, request));

/** DELETE /api/v1/session?everywhere=true: sign out here, or everywhere. */
export const DELETE = defineRoute({ query: SignOutQuery }, ({ deps, ctx, query }) => signOut(deps, ctx, query.everywhere === "true"));
