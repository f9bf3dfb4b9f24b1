import { describe, expect, it } from "vitest";
import type { RouteHandler } from "../define-route";
import { API_BASE, createApiApp } from "./api-app";
import { route, type ApiRoute } from "./api-route";
import { apiRoutes } from "./routes";

const SAMPLE_PARAM = "00000000-0000-4000-8000-00000000abcd";
const concrete = (path: string) => `${API_BASE}${path.replace(/:[^/]+/g, SAMPLE_PARAM)}`;
const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost:3000${path}`, { method, headers: { host: "localhost:3000", ...headers } });

/** The real table's methods and paths, each answering which row it is. */
function echoRoutes(): ApiRoute[] {
  return apiRoutes.map(({ method, path }) => {
    const handler = Object.assign(async (_: Request, params: Record<string, string> = {}) => Response.json({ method, path, params }), { access: "member" as const });
    return route(method, path, handler as RouteHandler);
  });
}

describe("the API route table", () => {
  it("has each method and path once, and only the first-run, sign-in, invitation, health, OpenAPI and tool webhook routes are public", () => {
    const keys = apiRoutes.map(({ method, path }) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(50);
    const open = apiRoutes.filter(({ handler }) => handler.access === "public").map(({ method, path }) => `${method} ${path}`);
    expect(open.sort()).toEqual([
      "GET /health",
      "GET /invitations/preview",
      "GET /openapi.json",
      "GET /setup",
      "POST /hooks/tools/:uuid",
      "POST /invitations/accept",
      "POST /session",
      "POST /setup",
    ]);
  });

  it("reaches every route by its own path, fixed segments before parameters (`/list` is not a uuid)", async () => {
    const app = createApiApp({ routes: echoRoutes() });
    for (const { method, path } of apiRoutes) {
      const response = await app.fetch(request(method, concrete(path)));
      expect(response.status, `${method} ${path}`).toBe(200);
      expect(await response.json(), `${method} ${path}`).toMatchObject({ method, path });
    }
  });

  it("hands path parameters to the handler", async () => {
    const app = createApiApp({ routes: echoRoutes() });
    const response = await app.fetch(request("POST", `${API_BASE}/connection/connectors/c-1/actions/lookupRecord/execute`));
    expect((await response.json()).params).toEqual({ uuid: "c-1", actionSlug: "lookupRecord" });
  });
});

describe("the API app", () => {
  const app = createApiApp({ routes: echoRoutes() });

  it("answers an unknown path with a JSON 404", async () => {
    const response = await app.fetch(request("GET", "/api/v1/nothing/here"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errorMessage: "No API route at GET /api/v1/nothing/here" });
  });

  it("answers a known path with another method with a JSON 405 naming the methods it has", async () => {
    const response = await app.fetch(request("PATCH", `${API_BASE}/orchestration/workflows/${SAMPLE_PARAM}`));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PUT, DELETE");
    expect((await response.json()).errorMessage).toContain("GET, PUT, DELETE");
  });

  it("refuses a foreign Host (403) and a body declared over the limit (413) before any route", async () => {
    const foreign = await app.fetch(request("GET", `${API_BASE}/health`, { host: "attacker.example" }));
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).errorMessage).toContain("attacker.example");
    const big = await app.fetch(request("POST", `${API_BASE}/orchestration/workflows`, { "content-length": String(11 * 1024 * 1024) }));
    expect(big.status).toBe(413);
  });

  it("adds the security headers when it serves without Next", async () => {
    const bare = await createApiApp({ routes: echoRoutes(), securityHeaders: true }).fetch(request("GET", `${API_BASE}/health`));
    expect(bare.headers.get("x-content-type-options")).toBe("nosniff");
    expect(bare.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect((await app.fetch(request("GET", `${API_BASE}/health`))).headers.get("x-content-type-options")).toBeNull();
  });
});
