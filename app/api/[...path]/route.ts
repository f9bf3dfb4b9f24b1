import { AppError, errorToResponse } from "@/lib/server";

/** Any unknown API path answers JSON, not Next's HTML 404 page. */
function notFound(request: Request) {
  const { pathname } = new URL(request.url);
  return errorToResponse(new AppError("not_found:route", `No API route at ${request.method} ${pathname}`));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
