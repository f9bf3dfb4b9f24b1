import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import { isApiPath } from "@/lib/server/http/api-base";
import { requestRefusal } from "@/lib/server/http/request-refusal";

/** Pages anyone may open: signing in, the first run, and invitation links. */
const PUBLIC_PAGES = ["/login", "/setup", "/invite"];

/**
 * Runs before everything Next serves: refuses hosts this server is not served under (DNS
 * rebinding) and bodies declared over the limit (`requestRefusal`, which the API app runs too, as
 * the production server hands /api/* and /v1/* to it without Next), and sends a visit without a
 * session cookie to sign-in before any page renders. The API answers 401 itself (defineRoute); the page
 * layout checks that a cookie's session is still valid.
 */
export function proxy(request: NextRequest) {
  const refusal = requestRefusal(request);
  if (refusal) return refusal;
  const { pathname, search } = request.nextUrl;
  if (isApiPath(pathname) || PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return NextResponse.next();
  if (!request.cookies.has(SESSION_COOKIE)) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  // Not the build's static files and not public/ (icons, manifest): those carry nothing private.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|icon-\\d+\\.png|apple-touch-icon\\.png|manifest\\.webmanifest).*)"],
};
