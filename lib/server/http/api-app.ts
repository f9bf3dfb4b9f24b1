import { Hono } from "hono";
import { SECURITY_HEADERS } from "../auth/request-guards";
import { AppError, errorToResponse } from "../errors";
import { API_ALIAS_BASE, API_BASE, canonicalApiPath } from "./api-base";
import type { ApiMethod, ApiRoute } from "./api-route";
import { requestRefusal } from "./request-refusal";
import { apiRoutes } from "./routes";

export { API_ALIAS_BASE, API_BASE } from "./api-base";

interface ApiAppOptions {
  /** Add the headers next.config.ts gives every answer; for a server that serves the API without Next. */
  securityHeaders?: boolean;
  /** The route table (tests pass their own). */
  routes?: readonly ApiRoute[];
}

/**
 * The API as one Hono app over Web requests: the shared request checks (Host allowlist, declared
 * body size), then the route table. An unknown path answers a JSON 404, a known path with another
 * method a JSON 405 naming the methods it has. Every route answers under `/api/v1` and under the
 * `/v1` alias alike (the same handler, so the same auth and cross-site checks). Next's catch-all
 * route and the production server both hand it the request.
 * @example const api = createApiApp(); const response = await api.fetch(request);
 */
export function createApiApp({ securityHeaders = false, routes = apiRoutes }: ApiAppOptions = {}) {
  const app = new Hono({ strict: false });
  app.use(async (c, next) => {
    const refusal = requestRefusal(c.req.raw);
    if (refusal) c.res = refusal;
    else await next();
    if (securityHeaders) for (const { key, value } of SECURITY_HEADERS) c.res.headers.set(key, value);
  });
  for (const { method, path, handler } of byPrecedence(routes)) {
    app.on(method, [`${API_BASE}${path}`, `${API_ALIAS_BASE}${path}`], (c) => handler(c.req.raw, c.req.param()));
  }
  const methodsAt = methodsByPath(routes);
  app.notFound((c) => {
    const { pathname } = new URL(c.req.url);
    const allowed = methodsAt(canonicalApiPath(pathname));
    if (allowed.length === 0) return errorToResponse(new AppError("not_found:route", `No API route at ${c.req.method} ${pathname}`));
    const response = Response.json({ errorMessage: `${pathname} answers ${allowed.join(", ")}, not ${c.req.method}` }, { status: 405 });
    response.headers.set("allow", allowed.join(", "));
    return response;
  });
  app.onError((error) => errorToResponse(error));
  return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;

/**
 * Hono tries routes in the order they were added, so a path with a fixed segment goes before one
 * with a parameter in that place (`/connectors/list` before `/connectors/:uuid`).
 */
function byPrecedence(routes: readonly ApiRoute[]): ApiRoute[] {
  const segments = (path: string) => path.split("/").filter(Boolean);
  const isParam = (segment: string | undefined) => segment?.startsWith(":") ?? false;
  return [...routes].sort((a, b) => {
    const [left, right] = [segments(a.path), segments(b.path)];
    for (let index = 0; index < Math.min(left.length, right.length); index++) {
      if (isParam(left[index]) !== isParam(right[index])) return isParam(left[index]) ? 1 : -1;
    }
    return 0;
  });
}

/** Which methods the table has for a concrete path, for the 405 answer. */
function methodsByPath(routes: readonly ApiRoute[]): (pathname: string) => ApiMethod[] {
  const patterns = routes.map(({ method, path }) => ({
    method,
    pattern: new RegExp(`^${API_BASE}${path.replace(/:[^/]+/g, "[^/]+")}/?$`),
  }));
  return (pathname) => [...new Set(patterns.filter(({ pattern }) => pattern.test(pathname)).map(({ method }) => method))];
}
