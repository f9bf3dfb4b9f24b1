import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setup } from "./accounts";
import { createApiToken } from "./api-tokens";
import { resolvePrincipal } from "./auth/principal";
import { ensureSetupCode } from "./auth/setup-code";
import { closeDeps, createDeps, type Deps } from "./deps";
import { acceptInvitation, changeRole, createInvitation, removeMember } from "./members";
import { resolveRequestContext, type RequestContext } from "./request-context";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

const json = () => new Request("http://localhost:3000/api/v1/x", { method: "POST", headers: { host: "localhost:3000", "content-type": "application/json" }, body: "{}" });
const as = (cookie: string) => new Request("http://localhost:3000/api/v1/x", { headers: { host: "localhost:3000", cookie } });
const bearer = (token: string) => new Request("http://localhost:3000/api/v1/x", { headers: { host: "localhost:3000", authorization: `Bearer ${token}` } });
const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
const userUuidOf = ({ principal }: RequestContext) => (principal?.kind === "user" ? principal.user.uuid : "");

describe("members", () => {
  let deps: Deps;
  let dataDir: string;
  let storage: TestStorage;
  let owner: RequestContext;
  beforeEach(async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    storage = await createTestStorage("members-");
    dataDir = storage.dataDir;
    deps = await createDeps({ dataDir, databaseUrl: storage.databaseUrl, version: "test" });
    const ownerCookie = cookieOf(await setup(deps, { code: ensureSetupCode(dataDir), email: "o@relay.test", password: "owner password 1", name: "O", workspaceName: "W" }, json()));
    owner = await resolveRequestContext(as(ownerCookie), deps);
  });
  afterEach(async () => {
    await closeDeps(deps);
    await storage.cleanup();
    vi.restoreAllMocks();
  });

  async function invite(role: "admin" | "member", email: string) {
    const { url } = await createInvitation(deps, owner, role, json());
    const code = new URL(url).searchParams.get("code")!;
    const anonymous = { workspaceUuid: "", requestId: "r", principal: null, ip: null };
    const response = await acceptInvitation(deps, anonymous, { code, account: { email, password: "member password 1", name: email } }, json());
    expect(response.status).toBe(201);
    await expect(acceptInvitation(deps, anonymous, { code, account: { email: `2${email}`, password: "member password 1", name: "x" } }, json())).rejects.toMatchObject({ status: 404 });
    const cookie = cookieOf(response);
    return { cookie, ctx: await resolveRequestContext(as(cookie), deps) };
  }

  it("a removed member's sessions and API tokens in that workspace end with them", async () => {
    const admin = await invite("admin", "a@relay.test");
    const { token } = await createApiToken(deps, admin.ctx, { name: "admin's" });
    expect(await resolvePrincipal(bearer(token), deps.db)).toMatchObject({ kind: "token", role: "admin" });

    await removeMember(deps, owner, userUuidOf(admin.ctx));
    await expect(resolvePrincipal(bearer(token), deps.db)).rejects.toMatchObject({ status: 401 });
    await expect(resolvePrincipal(as(admin.cookie), deps.db)).rejects.toMatchObject({ status: 401 });
  });

  it("an API token cannot mint tokens; an admin cannot make owners; the last owner stays", async () => {
    const { token } = await createApiToken(deps, owner, { name: "owner's" });
    const tokenCtx = await resolveRequestContext(bearer(token), deps);
    await expect(createApiToken(deps, tokenCtx, { name: "minted" })).rejects.toMatchObject({ status: 403 });

    const admin = await invite("admin", "b@relay.test");
    const ownerUuid = userUuidOf(owner);
    const adminUuid = userUuidOf(admin.ctx);
    await expect(changeRole(deps, admin.ctx, adminUuid, "owner")).rejects.toMatchObject({ status: 403 });
    await expect(changeRole(deps, admin.ctx, ownerUuid, "member")).rejects.toMatchObject({ status: 403 });
    await expect(changeRole(deps, owner, ownerUuid, "admin")).rejects.toMatchObject({ status: 409 });
    await expect(removeMember(deps, owner, ownerUuid)).rejects.toMatchObject({ status: 409 });
  });
});
