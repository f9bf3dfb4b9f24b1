import { ConnectorResponseBody } from "@/lib/contract";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

const unique = () => Date.now().toString(36);

test.describe("connector setup wizard", () => {
  test("from the catalog card to a saved connector on /connectors, the secret nowhere in the page or its traffic", async ({ page }) => {
    // The API key is public (the manifest says to use it), so a canary token plays the secret.
    const canary = `canary-token-${unique()}-SECRET`;
    const bodies: string[] = [];
    page.on("response", async (response) => {
      if (response.url().includes("/api/")) bodies.push(await response.text().catch(() => ""));
    });
    const name = `Sales CRM ${unique()}`;

    await page.goto("/integrations");
    await page.getByRole("article", { name: "Demo CRM" }).getByRole("link", { name: "Demo CRM" }).click();
    await page.getByRole("link", { name: "Add connector" }).click();
    await expect(page).toHaveURL(/\/connectors\/new\?integration=demo_crm/);
    await expect(page.getByLabel("Integration")).toHaveValue("demo_crm");

    const apiKey = page.getByLabel("API key");
    await expect(apiKey).toHaveAttribute("type", "password");
    await apiKey.fill("demo-api-key");
    await page.getByLabel("OAuth token").fill(canary);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Connection works" })).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill(name);
    await expect(page.getByLabel("Slug")).toHaveValue(name.toLowerCase().replace(/ /g, "_"));
    await expect(page.getByText("Available")).toBeVisible();
    await page.getByRole("button", { name: "Save connector" }).click();

    await expect(page).toHaveURL(/\/connectors$/);
    const row = page.getByRole("listitem", { name });
    await expect(row).toBeVisible();
    await expect(row.getByText("Connected")).toBeVisible();

    await page.getByRole("link", { name }).click();
    await expect(page.getByLabel("OAuth token")).toHaveValue("••••••••");
    expect(await page.content()).not.toContain(canary);
    for (const body of bodies) expect(body).not.toContain(canary);

    // Editing keeps the masked secrets: the saved config still authenticates.
    await page.getByLabel("Region").selectOption("apac");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/connectors$/);
    await page.getByRole("listitem", { name }).getByRole("button", { name: "Re-test" }).click();
    await expect(page.getByRole("listitem", { name }).getByText("Connected")).toBeVisible();
  });

  test("a wrong API key shows the integration's message and saves nothing", async ({ page, request }) => {
    const before = (await (await request.get("/api/v1/connection/connectors/list")).json()).connectors.length;
    await page.goto("/connectors/new?integration=demo_crm");
    await page.getByLabel("API key").fill("wrong-key");
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "refused" })).toContainText("Invalid API key: use demo-api-key");
    await expect(page.getByRole("button", { name: "Save connector" })).toHaveCount(0);
    expect((await (await request.get("/api/v1/connection/connectors/list")).json()).connectors.length).toBe(before);
  });

  test("a taken slug is refused before submit", async ({ page, request }) => {
    const slug = `taken_${unique()}`;
    const created = await request.post("/api/v1/connection/connectors", {
      data: { integrationSlug: "demo_crm", slug, name: "Taken", config: { apiKey: "demo-api-key", region: "us" } },
    });
    ConnectorResponseBody.parse(await created.json());
    await page.goto("/connectors/new?integration=demo_crm");
    await page.getByLabel("API key").fill("demo-api-key");
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByLabel("Slug").fill(slug);
    await expect(page.getByText(`The slug "${slug}" is already taken`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Save connector" })).toBeDisabled();
  });
});

/** Presses Connect on the wizard's OAuth field and waits for the integration's consent page in its popup. */
async function openSignIn(page: Page): Promise<Page> {
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  const popup = await popupOpened;
  await expect(popup.getByText("Demo CRM wants to connect")).toBeVisible();
  return popup;
}

/** Authorizes on the consent page; the callback closes the popup and hands the token to the wizard. */
async function authorize(page: Page, popup: Page) {
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "Authorize" }).click();
  await closed;
  await expect(page.getByText("Connected. Save to keep it.")).toBeVisible();
  await expect(page.getByLabel("OAuth token")).not.toHaveValue("");
}

test("OAuth: closing the sign-in window by hand says so and lets Connect start again", async ({ page }) => {
  await page.goto("/connectors/new?integration=demo_crm");
  const popup = await openSignIn(page);
  await expect(page.getByRole("button", { name: "Waiting for authorization…" })).toBeVisible();
  await popup.close();

  await expect(page.getByRole("alert").filter({ hasText: "The sign-in window was closed before it finished" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Connect", exact: true })).toBeEnabled();
  await expect(page.getByLabel("OAuth token")).toHaveValue("");
});

test("OAuth: pressing Connect again starts over in the same window, and that sign-in completes", async ({ page }) => {
  await page.goto("/connectors/new?integration=demo_crm");
  const popup = await openSignIn(page);
  const firstUrl = popup.url();

  await page.getByRole("button", { name: "Waiting for authorization…" }).click();
  await expect.poll(() => popup.url()).not.toBe(firstUrl);
  await expect(popup.getByText("Demo CRM wants to connect")).toBeVisible();
  await authorize(page, popup);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
});

test("OAuth: Connect opens the integration's authorize page and the callback fills the token", async ({ page, request }) => {
  const name = `OAuth CRM ${unique()}`;
  await page.goto("/connectors/new?integration=demo_crm");
  await authorize(page, await openSignIn(page));
  await page.getByLabel("API key").fill("demo-api-key");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connection works" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save connector" }).click();
  await expect(page).toHaveURL(/\/connectors$/);

  const { connectors } = await (await request.get("/api/v1/connection/connectors/list?integrationSlug=demo_crm")).json();
  const saved = connectors.find((c: { name: string }) => c.name === name);
  expect(saved.config.oauthToken).toBe("••••••••");
});
