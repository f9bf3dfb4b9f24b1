import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setup, signIn, signOut } from "./accounts";
import { resolvePrincipal } from "./auth/principal";
import { ensureSetupCode } from "./auth/setup-code";
import { closeDeps, createDeps, type Deps } from "./deps";
import { resolveRequestContext } from "./request-context";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

const owner = { email: "Owner@Relay.test", password: "correct horse battery", name: "Ada", workspaceName: "Acme Ops" };
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/v1/x", { method: "POST", headers: { host: "localhost:3000", "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
const withCookie = (cookie: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new Request("http://localhost:3000/api/v1/whoami", { method: init.method ?? "GET", headers: { host: "localhost:3000", cookie, ...init.headers } });

describe("accounts", () => {
  let deps: Deps;
  let dataDir: string;
  let storage: TestStorage;
  beforeEach(async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    storage = await createTestStorage("accounts-");
    dataDir = storage.dataDir;
    deps = await createDeps({ dataDir, databaseUrl: storage.databaseUrl, version: "test" });
  });
  afterEach(async () => {
    await closeDeps(deps);
    await storage.cleanup();
    vi.restoreAllMocks();
  });

  it("writes the setup code at start, readable by the server's user only", () => {
    const file = path.join(dataDir, "setup-code");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it("refuses a wrong setup code and creates nothing; the right one creates the owner, uses the code up, and 409s afterwards", async () => {
    const code = ensureSetupCode(dataDir);
    await expect(setup(deps, { ...owner, code: "AAAA-BBBB-CCCC" }, json({}))).rejects.toMatchObject({ status: 403 });
    expect(await deps.db.users.count()).toBe(0);

    const response = await setup(deps, { ...owner, code: code.toLowerCase().replace(/-/g, "") }, json({}));
    expect(response.status).toBe(201);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(await response.json()).toMatchObject({ user: { email: "owner@relay.test" }, workspace: { name: "Acme Ops", role: "owner" } });
    expect(fs.existsSync(path.join(dataDir, "setup-code"))).toBe(false);
    await expect(setup(deps, { ...owner, code }, json({}))).rejects.toMatchObject({ status: 409 });
  });

  it("signs in by email in any case, and signing out everywhere ends every session", async () => {
    await setup(deps, { ...owner, code: ensureSetupCode(dataDir) }, json({}));
    await expect(signIn(deps, { email: owner.email, password: "wrong password!" }, json({}))).rejects.toMatchObject({ status: 401 });
    const first = cookieOf(await signIn(deps, { email: "OWNER@relay.test", password: owner.password }, json({})));
    const second = cookieOf(await signIn(deps, { email: owner.email, password: owner.password }, json({})));
    const principal = await resolvePrincipal(withCookie(first), deps.db);
    expect(principal).toMatchObject({ kind: "user", role: "owner", user: { email: "owner@relay.test" } });

    const ctx = await resolveRequestContext(withCookie(first, { method: "DELETE" }), deps);
    await signOut(deps, ctx, true);
    await expect(resolvePrincipal(withCookie(first), deps.db)).rejects.toMatchObject({ status: 401 });
    await expect(resolvePrincipal(withCookie(second), deps.db)).rejects.toMatchObject({ status: 401 });
  });

  it("marks the cookie Secure when the app is served over HTTPS", async () => {
    const response = await setup(deps, { ...owner, code: ensureSetupCode(dataDir) }, json({}, { "x-forwarded-proto": "https" }));
    expect(response.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("refuses a cookie-authenticated write from another origin before anything runs", async () => {
    const cookie = cookieOf(await setup(deps, { ...owner, code: ensureSetupCode(dataDir) }, json({})));
    const crossSite = withCookie(cookie, { method: "POST", headers: { origin: "http://127.0.0.1:4999", "content-type": "application/json" } });
    await expect(resolveRequestContext(crossSite, deps)).rejects.toMatchObject({ status: 403, reason: "crossSiteRequest" });
    const sameOrigin = withCookie(cookie, { method: "POST", headers: { origin: "http://localhost:3000", "content-type": "application/json" } });
    await expect(resolveRequestContext(sameOrigin, deps)).resolves.toMatchObject({ principal: { kind: "user" } });
  });
});
