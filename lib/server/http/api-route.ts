import type { RouteHandler } from "../define-route";

export type ApiMethod = "GET" | "POST" | "PUT" | "DELETE";

/** One row of the API's route table. */
export interface ApiRoute {
  method: ApiMethod;
  /** Under /api/v1, with `:name` for a path parameter: `/orchestration/workflows/:uuid`. */
  path: string;
  handler: RouteHandler;
}

/** @example route("GET", "/whoami", defineRoute({}, ({ deps, ctx }) => whoami(deps, ctx))) */
export function route(method: ApiMethod, path: string, handler: RouteHandler): ApiRoute {
  return { method, path, handler };
}
