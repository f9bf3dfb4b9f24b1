import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures";
import { E2E_DATA_DIR, E2E_OWNER } from "../ports";
import { anonymous, createToken, joinAs } from "../support/accounts";

interface TableRoute {
  method: string;
  path: string;
  access: "public" | "member" | "admin";
}

let table: TableRoute[] | undefined;
/** The API's route table (lib/server/http/routes), printed by a process that can load lib/server. */
function routeTable(): TableRoute[] {
  table ??= JSON.parse(
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/support/api-routes.mts"], { encoding: "utf8" }),
  ) as TableRoute[];
  return table;
}

/** Every path of the API, with sample values for its params. */
function apiRoutes(): string[] {
  const paths = routeTable().map((route) =>
    route.path.replace(":uuid", "00000000-0000-4000-8000-00000000abcd").replace(":slug", "demo_crm").replace(":actionSlug", "lookupRecord"),
  );
  return [...new Set(paths)].sort();
}

/**
 * Routes anyone may call: the health check, the API's OpenAPI document, the first run, signing in,
 * invitation links, and a tool's webhook (authenticated by its signature alone; unsigned, it
 * answers 401 like the rest).
 */
const PUBLIC = new Set([
  "GET /api/v1/health",
  "GET /api/v1/openapi.json",
  "GET /api/v1/setup",
  "POST /api/v1/setup",
  "POST /api/v1/session",
  "GET /api/v1/invitations/preview",
  "POST /api/v1/invitations/accept",
  "POST /api/v1/hooks/tools/:uuid",
]);
const METHODS = ["GET", "POST", "PUT", "DELETE"] as const;

test.describe("who may call the API", () => {
  test("the route table is the whole API, and its public routes are exactly these", () => {
    expect(apiRoutes().length).toBeGreaterThan(40);
    const open = routeTable().filter((route) => route.access === "public").map((route) => `${route.method} ${route.path}`);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  for (const [label, headers] of [
    ["no credentials", undefined],
    ["a wrong token", { authorization: "Bearer relay_not-a-token" }],
    ["a malformed Authorization header", { authorization: "Basic b3duZXI6cHc=" }],
  ] as const) {
    test(`every route but the public ones answers 401 with ${label}`, async () => {
      const stranger = await anonymous(headers);
      const unguarded: string[] = [];
      for (const route of apiRoutes()) {
        const statuses: number[] = [];
        for (const method of METHODS) {
          if (PUBLIC.has(`${method} ${route}`)) continue;
          const response = await stranger.fetch(route, { method, data: method === "GET" ? undefined : {} });
          statuses.push(response.status());
          if (response.status() === 401) expect((await response.json()).errorMessage).toBeTruthy();
          else if (response.status() !== 405) unguarded.push(`${method} ${route} → ${response.status()}`);
        }
        if (!statuses.includes(401) && !PUBLIC.has(`GET ${route}`) && !PUBLIC.has(`POST ${route}`)) unguarded.push(`${route}: no method answered 401`);
      }
      expect(unguarded).toEqual([]);
    });
  }

  test("a revoked token answers 401 everywhere it worked before; health stays open", async ({ request }) => {
    const { uuid, token } = await createToken(request, "soon revoked");
    const withToken = await anonymous({ authorization: `Bearer ${token}` });
    expect((await withToken.get("/api/v1/orchestration/workflows/list")).status()).toBe(200);
    const whoami = await (await withToken.get("/api/v1/whoami")).json();
    expect(whoami).toMatchObject({ apiToken: { name: "soon revoked" }, workspace: { name: E2E_OWNER.workspaceName }, role: "owner" });
    expect((await request.delete(`/api/v1/apiTokens/${uuid}`)).status()).toBe(200);
    for (const route of ["/api/v1/orchestration/workflows/list", "/api/v1/connection/connectors/list", "/api/v1/whoami"]) {
      expect((await withToken.get(route)).status(), route).toBe(401);
    }
    expect((await withToken.get("/api/v1/apiTokens/list")).status()).toBe(401);
    expect((await (await anonymous()).get("/api/v1/health")).status()).toBe(200);
    const listed = (await (await request.get("/api/v1/apiTokens/list")).json()).apiTokens.find((t: { uuid: string }) => t.uuid === uuid);
    expect(listed.revokedAt).toBeTruthy();
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  test("a member may work but not manage: 403 on the admin routes", async ({ request }) => {
    const member = await joinAs(request, `member-${Date.now()}@relay.test`);
    expect((await member.get("/api/v1/whoami")).ok()).toBe(true);
    expect((await (await member.get("/api/v1/whoami")).json()).role).toBe("member");
    expect((await member.get("/api/v1/orchestration/workflows/list")).status()).toBe(200);
    expect((await member.post("/api/v1/orchestration/workflows", { data: { name: "A member's workflow" } })).status()).toBe(200);
    const connector = (await (await request.get("/api/v1/connection/connectors/list")).json()).connectors[0];
    const integration = (await (await request.get("/api/v1/connection/customIntegrations/list")).json()).customIntegrations[0];
    const admin: Array<[string, string, unknown?]> = [
      ["POST", "/api/v1/connection/customIntegrations", { kind: "external", baseUrl: "http://127.0.0.1:9/" }],
      ["POST", "/api/v1/connection/customIntegrations/preview", { kind: "external", baseUrl: "http://127.0.0.1:9/" }],
      ["PUT", `/api/v1/connection/customIntegrations/${integration?.uuid ?? "00000000-0000-4000-8000-00000000abcd"}`, { baseUrl: "http://127.0.0.1:9/" }],
      ["DELETE", `/api/v1/connection/customIntegrations/${integration?.uuid ?? "00000000-0000-4000-8000-00000000abcd"}`],
      ["POST", "/api/v1/connection/connectors", { integrationSlug: "demo_crm", slug: "x", name: "x", config: {} }],
      ["POST", "/api/v1/connection/connectors/test", { integrationSlug: "demo_crm", config: {} }],
      ["POST", `/api/v1/connection/connectors/${connector?.uuid ?? "00000000-0000-4000-8000-00000000abcd"}/authenticate`, {}],
      ["PUT", `/api/v1/connection/connectors/${connector?.uuid ?? "00000000-0000-4000-8000-00000000abcd"}`, { name: "renamed" }],
      ["DELETE", `/api/v1/connection/connectors/${connector?.uuid ?? "00000000-0000-4000-8000-00000000abcd"}`],
      ["POST", "/api/v1/workspace/invitations", { role: "member" }],
      ["PUT", "/api/v1/workspace/members/00000000-0000-4000-8000-00000000abcd", { role: "admin" }],
      ["DELETE", "/api/v1/workspace/members/00000000-0000-4000-8000-00000000abcd"],
      ["GET", "/api/v1/apiTokens/list"],
      ["POST", "/api/v1/apiTokens", { name: "mine" }],
      ["GET", "/api/v1/workspace/auditLog/list"],
    ];
    for (const [method, route, data] of admin) {
      const response = await member.fetch(route, { method, data });
      expect(response.status(), `${method} ${route}`).toBe(403);
    }
    // Nothing changed: the connector kept its name.
    if (connector) expect((await (await request.get(`/api/v1/connection/connectors/${connector.uuid}`)).json()).connector.name).toBe(connector.name);
  });

  test("setup answers 409 once a user exists, and its code file is gone", async () => {
    const stranger = await anonymous();
    expect(await (await stranger.get("/api/v1/setup")).json()).toEqual({ needsSetup: false });
    const again = await stranger.post("/api/v1/setup", { data: { code: "ABCD-EFGH-JKLM", email: "late@relay.test", password: "a long enough secret", name: "Late", workspaceName: "Mine" } });
    expect(again.status()).toBe(409);
    expect(fs.existsSync(path.join(E2E_DATA_DIR, "setup-code"))).toBe(false);
  });

  test("a wrong password is a 401, recorded in the audit log, and five in a row lock the account for a while", async ({ request }) => {
    const email = `locked-${Date.now()}@relay.test`;
    const member = await joinAs(request, email);
    void member;
    const stranger = await anonymous();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await stranger.post("/api/v1/session", { data: { email, password: "wrong wrong wrong" } })).status()).toBe(401);
    }
    const locked = await stranger.post("/api/v1/session", { data: { email, password: "a long enough secret" } });
    expect(locked.status()).toBe(429);
    const { entries } = await (await request.get("/api/v1/workspace/auditLog/list?limit=200")).json();
    expect(entries.filter((e: { action: string; target: string }) => e.action === "session.signInFailed" && e.target === email)).toHaveLength(5);
    expect(entries.some((e: { action: string; target: string }) => e.action === "member.joined" && e.target === email)).toBe(true);
  });
});
