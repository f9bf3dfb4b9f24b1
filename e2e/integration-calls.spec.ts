import { ConnectorResponseBody, ListIntegrationCallsResponseBody } from "@/lib/contract";
import { expect, test } from "./fixtures";
import { APP, joinAs } from "./support/accounts";
import { screenshotBothThemes } from "./support/screenshots";

const BASE = "/api/v1/connection";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("the request inspector", () => {
  test("a connector's calls, filtered and opened, copied as curl, its secret nowhere in the page, the API or the curl", async ({ page, request }) => {
    // The API key is public (the manifest says to use it), so a canary token plays the secret.
    const canary = `canary-token-${unique()}-SECRET`;
    const email = `inspector-${unique()}@example.com`;
    const pageBodies: string[] = [];
    page.on("response", async (response) => {
      if (response.url().includes("/api/")) pageBodies.push(await response.text().catch(() => ""));
    });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP });

    const name = `Inspected CRM ${unique()}`;
    const created = await request.post(`${BASE}/connectors`, {
      data: { integrationSlug: "demo_crm", slug: `inspected_${unique()}`, name, config: { apiKey: "demo-api-key", region: "eu", oauthToken: canary } },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { connector } = ConnectorResponseBody.parse(await created.json());
    const calls = `${BASE}/connectors/${connector.uuid}`;
    expect((await request.post(`${calls}/autocomplete`, { data: { slug: "listObjects", params: {} } })).status()).toBe(200);
    const executed = await request.post(`${calls}/actions/createRecord/execute`, { data: { config: { objectType: "contacts", fields: { email, firstName: `Ann ${canary}` } } } });
    // The demo echoes the secret back in the record: the inspector has something to hide.
    expect(await executed.text()).toContain(canary);
    // Without an email the demo refuses the record (HTTP 400), which the API answers as a bad gateway.
    expect((await request.post(`${calls}/actions/createRecord/execute`, { data: { config: { objectType: "contacts", fields: {} } } })).status()).toBe(502);

    const listed = await request.get(`${calls}/calls`);
    const listedText = await listed.text();
    expect(listed.status(), listedText).toBe(200);
    expect(listedText).not.toContain(canary);
    expect(ListIntegrationCallsResponseBody.parse(JSON.parse(listedText)).calls.map((call) => call.endpoint)).toEqual([
      "/actions/createRecord/execute",
      "/actions/createRecord/execute",
      "/autocompletes/listObjects",
      "/authenticate",
    ]);

    await page.goto(`/connectors/${connector.uuid}`);
    await page.getByRole("link", { name: "Calls", exact: true }).click();
    await expect(page).toHaveURL(`/connectors/${connector.uuid}/calls`);
    await expect(page.getByRole("heading", { name: `Calls · ${name}` })).toBeVisible();
    const rows = page.getByTestId("integration-call-row");
    await expect(rows).toHaveCount(4);

    await page.getByLabel("Status").selectOption("4xx");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("400");
    await expect(rows.first()).toContainText('Missing required field "email" for contacts');
    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Endpoint").selectOption("/autocompletes/listObjects");
    await expect(rows).toHaveCount(1);
    await page.getByLabel("Endpoint").selectOption("");
    await page.getByLabel("Search the bodies").fill(email);
    await expect(rows).toHaveCount(1);
    await expect(page.getByText("1 call", { exact: true })).toBeVisible();

    // From the keyboard: the row's time is a button.
    await rows.first().getByRole("button").focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "POST /actions/createRecord/execute" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("region", { name: "Response body" })).toContainText(`"firstName": "Ann [redacted]"`);
    await expect(dialog.getByRole("region", { name: "Request body" })).toContainText(`"oauthToken": "[redacted]"`);
    await dialog.getByRole("button", { name: "Copy as curl" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Copied to the clipboard");
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toBe(await dialog.getByTestId("curl-command").textContent());
    expect(curl).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/actions\/createRecord\/execute'/);
    expect(curl).toContain(`"oauthToken":"[redacted]"`);
    expect(curl).toContain(email);
    expect(curl).not.toContain(canary);
    await screenshotBothThemes(page, dialog, "integration-call");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.getByLabel("Search the bodies").fill("");
    await expect(rows).toHaveCount(4);
    await screenshotBothThemes(page, page.locator("main"), "integration-calls");

    expect(await page.content()).not.toContain(canary);
    for (const body of pageBodies) expect(body).not.toContain(canary);
  });

  test("the custom integration's Calls page, from its row in the manager, holds the calls of every connector", async ({ page, request }) => {
    await request.post(`${BASE}/connectors/test`, { data: { integrationSlug: "demo_crm", config: { apiKey: "demo-api-key", region: "us" } } });
    await page.goto("/integrations/custom");
    await page.getByRole("link", { name: "Calls to Demo CRM" }).click();
    await expect(page).toHaveURL(/\/integrations\/custom\/[0-9a-f-]+\/calls$/);
    await expect(page.getByRole("heading", { name: "Calls · Demo CRM" })).toBeVisible();
    await expect(page.getByTestId("integration-call-row").first()).toBeVisible();
    await screenshotBothThemes(page, page.locator("main"), "integration-server-calls");
    await page.getByLabel("Endpoint").selectOption("/authenticate");
    await expect(page.getByTestId("integration-call-row").first()).toBeVisible();
    await page.getByLabel("Status").selectOption("5xx");
    await expect(page.getByRole("region", { name: "No calls match" })).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page.getByLabel("Endpoint")).toHaveValue("");
    await expect(page.getByTestId("integration-call-row").first()).toBeVisible();
  });

  test("a member may not read the calls: their bodies hold the workspace's customer data", async ({ request }) => {
    const member = await joinAs(request, `member-${unique()}@relay.test`);
    const [demo] = (await (await member.get(`${BASE}/customIntegrations/list`)).json()).customIntegrations;
    expect((await member.get(`${BASE}/customIntegrations/${demo.uuid}/calls`)).status()).toBe(403);
    const listed = await request.get(`${BASE}/customIntegrations/${demo.uuid}/calls`);
    expect(listed.status()).toBe(200);
    const [call] = ListIntegrationCallsResponseBody.parse(await listed.json()).calls;
    expect((await member.get(`${BASE}/customIntegrations/${demo.uuid}/calls/${call!.uuid}`)).status()).toBe(403);
    expect((await request.get(`${BASE}/customIntegrations/${demo.uuid}/calls/${call!.uuid}`)).status()).toBe(200);
    await member.dispose();
  });
});
