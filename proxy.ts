import { NextResponse, type NextRequest } from "next/server";
import { authSettings } from "@/lib/server/auth/auth-settings";
import { declaredBodyTooLarge, hostAllowed } from "@/lib/server/auth/request-guards";
import { SESSION_COOKIE } from "@/lib/server/auth/session-cookie";

/** Pages anyone may open: signing in, the first run, and invitation links. */
const PUBLIC_PAGES = ["/login", "/setup", "/invite"];

/**
 * Runs before every page and API route: refuses hosts this server is not served under (DNS
 * rebinding) and bodies declared over the limit, and sends a visit without a session cookie to
 * sign-in before any page renders. The API answers 401 itself (defineRoute); the page layout
 * checks that a cookie's session is still valid.
 */
export function proxy(request: NextRequest) {
  const settings = authSettings();
  if (!hostAllowed(request.headers.get("host"), settings)) {
    return NextResponse.json(
      { errorMessage: `This server does not answer to the host ${request.headers.get("host") ?? "(none)"}; set APP_URL to the address it is served at` },
      { status: 403 },
    );
  }
  if (declaredBodyTooLarge(request, settings.maxBodyBytes)) {
    return NextResponse.json({ errorMessage: `The request body is over the ${Math.round(settings.maxBodyBytes / 1024 / 1024)} MB limit` }, { status: 413 });
  }
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/") || PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return NextResponse.next();
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
