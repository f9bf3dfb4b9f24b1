import { cookies } from "next/headers";
import { resolvePrincipal, type Principal } from "./auth/principal";
import { SESSION_COOKIE } from "./auth/session-cookie";
import { getDeps } from "./deps";

/**
 * The signed-in user of the page being rendered, or null (no cookie, or a session that ended).
 * Pages use it to send visitors to sign-in before anything renders; the API checks on its own.
 */
export async function signedInPrincipal(): Promise<Principal | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!value) return null;
  const deps = await getDeps();
  const request = new Request("http://relay.invalid/", { headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(value)}` } });
  return resolvePrincipal(request, deps.db).catch(() => null);
}

/** Whether the instance still waits for its first user (pages send everyone to /setup then). */
export async function instanceNeedsSetup(): Promise<boolean> {
  const deps = await getDeps();
  return (await deps.db.users.count()) === 0;
}
