import { describe, expect, it } from "vitest";
import type { RouteHandler } from "../define-route";
import { createApiApp } from "./api-app";
import { canonicalApiPath, isApiPath } from "./api-base";
import { route, type ApiRoute } from "./api-route";
import { requestRefusal } from "./request-refusal";
import { apiRoutes } from "./routes";

const SAMPLE_PARAM = "00000000-0000-4000-8000-00000000abcd";
const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost:3000${path}`, { method, headers: { host: "localhost:3000", ...headers } });

/** The real table's methods and paths, each answering which row it is: the same handler object, whatever base it was reached by. */
function echoRoutes(): ApiRoute[] {
  return apiRoutes.map(({ method, path }) => {
    const handler = Object.assign(async (_: Request, params: Record<string, string> = {}) => Response.json({ method, path, params }), { access: "member" as const });
    return route(method, path, handler as unknown as RouteHandler);
  });
}

describe("the API under /v1 (Cargo's base path)", () => {
  const app = createApiApp({ routes: echoRoutes() });

  it("reaches every route of the table, as under /api/v1", async () => {
    for (const { method, path } of apiRoutes) {
      const response = await app.fetch(request(method, `/v1${path.replace(/:[^/]+/g, SAMPLE_PARAM)}`));
      expect(response.status, `${method} /v1${path}`).toBe(200);
      expect(await response.json(), `${method} /v1${path}`).toMatchObject({ method, path });
    }
  });

  it("answers an unknown path with a JSON 404 and another method with a JSON 405, naming the path asked", async () => {
    const missing = await app.fetch(request("GET", "/v1/nope"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errorMessage: "No API route at GET /v1/nope" });
    const wrongMethod = await app.fetch(request("PATCH", `/v1/orchestration/workflows/${SAMPLE_PARAM}`));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, PUT, DELETE");
  });

  it("refuses a foreign Host and an oversized body as /api/v1 does, and lets an upload route take its own size", async () => {
    expect((await app.fetch(request("GET", "/v1/health", { host: "attacker.example" }))).status).toBe(403);
    const big = { "content-length": String(11 * 1024 * 1024) };
    expect((await app.fetch(request("POST", "/v1/orchestration/workflows", big))).status).toBe(413);
    expect(requestRefusal(request("POST", "/v1/workspace/files", big))).toBeNull();
    expect(requestRefusal(request("POST", "/api/v1/workspace/files", big))).toBeNull();
  });

  it("is told apart from pages by path", () => {
    for (const path of ["/api", "/api/v1/health", "/v1", "/v1/health", "/v1?x=1", "/api?x=1"]) expect(isApiPath(path), path).toBe(true);
    for (const path of ["/", "/v10", "/v1x/health", "/apis", "/connectors", "/api-reference"]) expect(isApiPath(path), path).toBe(false);
    expect(canonicalApiPath("/v1/health")).toBe("/api/v1/health");
    expect(canonicalApiPath("/api/v1/health")).toBe("/api/v1/health");
    expect(canonicalApiPath("/v10/health")).toBe("/v10/health");
  });
});
