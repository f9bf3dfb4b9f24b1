import { expect, test } from "./fixtures";
import { E2E_OWNER } from "./ports";
import { APP, joinAs } from "./support/accounts";

// These tests sign in and out in browser contexts of their own: the suite's shared session stays.
test.describe("accounts in the browser", () => {
  test("a visit without a session goes to sign-in and comes back; signing out ends the session", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: APP, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/workflows");
    await expect(page).toHaveURL(/\/login\?next=%2Fworkflows/);
    await page.getByLabel("Email").fill(E2E_OWNER.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();

    await page.getByLabel("Password").fill(E2E_OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/workflows$/);
    await page.getByLabel("Account", { exact: true }).click();
    await expect(page.getByText(E2E_OWNER.email)).toBeVisible();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect((await context.request.get("/api/v1/whoami")).status()).toBe(401);
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });

  test("an admin invites by link; the invitee creates an account and lands in the workspace as a member", async ({ page, browser }) => {
    await page.goto("/settings/members");
    await expect(page.getByRole("table", { name: "Members" })).toContainText(E2E_OWNER.email);
    await page.getByLabel("Role", { exact: true }).selectOption("member");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await page.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\?code=/);

    const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const invited = await guest.newPage();
    await invited.goto(link);
    await expect(invited.getByText(`Join ${E2E_OWNER.workspaceName} as a member`)).toBeVisible();
    const email = `grace-${Date.now()}@relay.test`;
    await invited.getByLabel("Your name").fill("Grace");
    await invited.getByLabel("Email").fill(email);
    await invited.getByLabel("Password").fill("another long secret");
    await invited.getByRole("button", { name: `Join ${E2E_OWNER.workspaceName}` }).click();
    await expect(invited).toHaveURL(/\/integrations$/);
    // A member sees the members, but no role controls and no invitations.
    await invited.goto("/settings/members");
    await expect(invited.getByRole("table", { name: "Members" })).toContainText(email);
    await expect(invited.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
    await invited.goto("/settings/tokens");
    await expect(invited.getByRole("alert").filter({ hasText: "admins and owners" })).toBeVisible();
    // The link worked once.
    const again = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const second = await again.newPage();
    await second.goto(link);
    await expect(second.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
    await guest.close();
    await again.close();

    await page.reload();
    await page.getByLabel(`Role of ${email}`).selectOption("admin");
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("admin");
  });

  test("API tokens: shown once, work as Bearer, listed by prefix, revoked from the page", async ({ page, playwright }) => {
    await page.goto("/settings/tokens");
    await page.getByLabel("Token name").fill("Nightly export");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("Token “Nightly export”").inputValue();
    expect(token).toMatch(/^relay_/);
    const row = page.getByRole("row").filter({ hasText: "Nightly export" });
    await expect(row).toContainText(`${token.slice(0, 12)}…`);
    const api = await playwright.request.newContext({ baseURL: APP, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    expect((await api.get("/api/v1/orchestration/workflows/list")).status()).toBe(200);
    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    await page.getByRole("button", { name: "Revoke Nightly export" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Nightly export" })).toContainText("revoked");
    expect((await api.get("/api/v1/orchestration/workflows/list")).status()).toBe(401);
    await page.goto("/settings/audit");
    const audit = page.getByRole("table", { name: "Audit log" });
    await expect(audit).toContainText("apiToken.created");
    await expect(audit).toContainText("apiToken.revoked");
    await api.dispose();
  });

  test("a new workspace from the settings page becomes the current one; the switcher moves between them, each with its own workflows", async ({ browser, request }) => {
    const name = `Side project ${Date.now()}`;
    // Its own session, so switching does not move the suite's shared one.
    const context = await browser.newContext({ baseURL: APP, storageState: { cookies: [], origins: [] } });
    expect((await context.request.post("/api/v1/session", { data: { email: E2E_OWNER.email, password: E2E_OWNER.password } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto("/settings/members");
    await page.getByLabel("Workspace name").fill(name);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(/\/integrations$/);
    expect((await (await context.request.get("/api/v1/whoami")).json()).workspace.name).toBe(name);
    // Back to the first one and over again, through the switcher.
    await page.getByLabel("Workspace", { exact: true }).selectOption({ label: E2E_OWNER.workspaceName });
    await expect.poll(async () => (await (await context.request.get("/api/v1/whoami")).json()).workspace.name).toBe(E2E_OWNER.workspaceName);
    await page.getByLabel("Workspace", { exact: true }).selectOption({ label: name });
    await expect(page).toHaveURL(/\/integrations$/);
    await page.goto("/workflows");
    await expect(page.getByRole("heading", { name: "No workflows yet" })).toBeVisible();
    expect((await (await context.request.get("/api/v1/whoami")).json()).workspace.name).toBe(name);
    // The shared session still acts in the first workspace.
    expect((await (await request.get("/api/v1/whoami")).json()).workspace.name).toBe(E2E_OWNER.workspaceName);
    await context.close();
  });

  test("joinAs helper's member cannot open the audit log page", async ({ request, browser }) => {
    const member = await joinAs(request, `auditless-${Date.now()}@relay.test`);
    const state = await member.storageState();
    const context = await browser.newContext({ baseURL: APP, storageState: state });
    const page = await context.newPage();
    await page.goto("/settings/audit");
    await expect(page.getByRole("alert").filter({ hasText: "admins and owners" })).toBeVisible();
    await context.close();
  });
});
