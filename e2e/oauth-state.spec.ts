import { ApiErrorResponseBody, ConnectorCompleteOauthResponseBody, ConnectorStartOauthResponseBody } from "@/lib/contract";
import type { APIRequestContext } from "@playwright/test";
import { expect, test, type DemoServer } from "./fixtures";

// The app issues the OAuth `state` and checks it before the integration ever sees a code: a forged,
// replayed or stolen state stops at the app.

const REFUSED = "This sign-in link has expired or was already used. Start again from Connect.";
const INTEGRATION = "/api/v1/connection/integrations/demo_crm";

async function startOauth(request: APIRequestContext, redirectUri: string): Promise<string> {
  const response = await request.post(`${INTEGRATION}/startOauth`, { data: { redirectUri } });
  expect(response.status(), await response.text()).toBe(200);
  return ConnectorStartOauthResponseBody.parse(await response.json()).state;
}

/** A real code from the demo's consent page, as a user who pressed Authorize would carry back. */
async function demoCode(request: APIRequestContext, demo: DemoServer, redirectUri: string, state: string): Promise<string> {
  const page = await (await request.get(`${demo.url}/oauth/authorize?redirect_uri=${encodeURIComponent(redirectUri)}&state=${encodeURIComponent(state)}`)).text();
  const code = /name="code" value="([0-9a-f]+)"/.exec(page)?.[1];
  expect(code).toBeDefined();
  return code!;
}

async function completeCalls(demo: DemoServer): Promise<number> {
  return (await demo.stats()).calls["POST /completeOauth"] ?? 0;
}

test.describe("OAuth state", () => {
  test("a callback with a forged state shows why and never reaches the integration", async ({ page, request, demo, baseURL }) => {
    const redirectUri = `${baseURL}/oauth/callback`;
    const forged = "demo_crm.forged-by-someone-else";
    const code = await demoCode(request, demo, redirectUri, forged);
    const before = await completeCalls(demo);

    await page.goto(`/oauth/callback?code=${code}&state=${forged}`);
    // Next's route announcer is an empty `alert` too, hence the filter.
    const alert = page.getByRole("alert").filter({ hasText: "Could not finish connecting" });
    await expect(alert).toContainText(REFUSED);
    await expect(alert.getByRole("link", { name: "Start again" })).toHaveAttribute("href", "/connectors/new?integration=demo_crm");
    await expect(page.getByText("Finishing the connection…")).toHaveCount(0);
    expect(await completeCalls(demo)).toBe(before);

    // The code was never traded: with a state the app issued, it still works.
    const state = await startOauth(request, redirectUri);
    const done = await request.post(`${INTEGRATION}/completeOauth`, { data: { state, code, redirectUri } });
    expect(done.status(), await done.text()).toBe(200);
    expect(ConnectorCompleteOauthResponseBody.parse(await done.json()).value).toBeTruthy();
    expect(await completeCalls(demo)).toBe(before + 1);
  });

  test("a state works once: replaying it is refused before the integration is called", async ({ page, request, demo, baseURL }) => {
    const redirectUri = `${baseURL}/oauth/callback`;
    const state = await startOauth(request, redirectUri);

    await page.goto(`/oauth/callback?code=${await demoCode(request, demo, redirectUri, state)}&state=${state}`);
    await expect(page.getByRole("status")).toContainText("Connected. You can close this window.");
    const afterFirst = await completeCalls(demo);

    await page.goto(`/oauth/callback?code=${await demoCode(request, demo, redirectUri, state)}&state=${state}`);
    await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
    const replay = await request.post(`${INTEGRATION}/completeOauth`, {
      data: { state, code: await demoCode(request, demo, redirectUri, state), redirectUri },
    });
    expect(replay.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await replay.json())).toMatchObject({ errorMessage: REFUSED, reason: "oauthStateRefused" });
    expect(await completeCalls(demo)).toBe(afterFirst);
  });

  test("a state is bound to its redirect URI and integration", async ({ request, demo, baseURL }) => {
    const redirectUri = `${baseURL}/oauth/callback`;
    const state = await startOauth(request, redirectUri);
    const before = await completeCalls(demo);
    const elsewhere = "https://evil.example/oauth/callback";
    const moved = await request.post(`${INTEGRATION}/completeOauth`, {
      data: { state, code: await demoCode(request, demo, elsewhere, state), redirectUri: elsewhere },
    });
    expect(moved.status()).toBe(400);
    expect(await completeCalls(demo)).toBe(before);
    const unknown = await request.post(`${INTEGRATION}/startOauth`.replace("demo_crm", "no_such_integration"), { data: { redirectUri } });
    expect(unknown.status()).toBe(404);
  });

  test("a sign-in can only be started for this app's own callback page", async ({ request, baseURL }) => {
    for (const redirectUri of ["https://evil.example/oauth/callback", `${baseURL}/somewhere-else`]) {
      const refused = await request.post(`${INTEGRATION}/startOauth`, { data: { redirectUri } });
      expect(refused.status(), redirectUri).toBe(400);
      expect((await refused.json()).errorMessage).toMatch(/^The redirect URI must be this app's \/oauth\/callback page/);
    }
    const refusedState = await request.post(`${INTEGRATION}/completeOauth`, { data: { state: "demo_crm.forged", code: "x", redirectUri: `${baseURL}/oauth/callback` } });
    expect(refusedState.status()).toBe(400);
    // Why a state was refused stays on the server.
    expect(Object.keys(await refusedState.json()).sort()).toEqual(["errorMessage", "reason"]);
  });

  test("in the wizard, a state used up by someone else ends in a readable error in both windows", async ({ page, request, demo, baseURL }) => {
    await page.goto("/connectors/new?integration=demo_crm");
    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    const popup = await popupOpened;
    await expect(popup.getByText("Demo CRM wants to connect")).toBeVisible();
    const state = new URL(popup.url()).searchParams.get("state")!;
    expect(state).toMatch(/^demo_crm\.[A-Za-z0-9_-]{40,}$/);

    // Someone who learnt the state finishes first; the user's own Authorize must then be refused.
    const redirectUri = `${baseURL}/oauth/callback`;
    const stolen = await request.post(`${INTEGRATION}/completeOauth`, {
      data: { state, code: await demoCode(request, demo, redirectUri, state), redirectUri },
    });
    expect(stolen.status(), await stolen.text()).toBe(200);
    const before = await completeCalls(demo);

    await popup.getByRole("button", { name: "Authorize" }).click();
    await expect(popup.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
    await expect(page.getByLabel("OAuth token")).toHaveValue("");
    await expect(page.getByRole("button", { name: "Connect", exact: true })).toBeEnabled();
    expect(await completeCalls(demo)).toBe(before);

    const closed = popup.waitForEvent("close");
    // The button closes its own window, which can end the click before Playwright sees it finish;
    // the close event is what this step checks.
    await popup
      .getByRole("button", { name: "Close window" })
      .click()
      .catch((error: Error) => {
        if (!/closed/.test(error.message)) throw error;
      });
    await closed;
  });
});
