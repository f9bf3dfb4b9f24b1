import { ConnectorResponseBody } from "@/lib/contract";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

let connectorUuid: string;

test.beforeAll(async ({ request }) => {
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `playground_${Date.now()}`, name: "Playground CRM", config: { apiKey: "demo-api-key", region: "us" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  connectorUuid = ConnectorResponseBody.parse(await response.json()).connector.uuid;
});

async function chooseOption(page: Page, combobox: string, option: string) {
  const input = page.getByRole("combobox", { name: combobox });
  await input.click();
  await page.getByRole("option", { name: option }).first().click();
}

test.describe("action playground", () => {
  test("an action that answers executing shows progress, then its result", async ({ page, demo }) => {
    const before = (await demo.stats()).calls["POST /actions/exportRecords/execute"] ?? 0;
    await page.goto(`/playground?connector=${connectorUuid}&action=exportRecords`);
    await chooseOption(page, "Object type", "Deals");
    await page.getByRole("button", { name: "Execute" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Executing" })).toBeVisible();
    const result = page.getByRole("region", { name: "Result" });
    await expect(result).toContainText("deals exported", { timeout: 15_000 });
    await expect(result).toContainText("Finished after 3 calls");
    await expect(result.getByText('"objectType": "deals"')).toBeVisible();
    expect(((await demo.stats()).calls["POST /actions/exportRecords/execute"] ?? 0) - before).toBe(3);
  });

  test("the connector and action can be picked on the page, and the URL keeps them", async ({ page }) => {
    await page.goto("/playground");
    await page.getByLabel("Connector").selectOption({ label: "Playground CRM (demo_crm)" });
    await page.getByLabel("Action").selectOption({ label: "Find records" });
    await expect(page).toHaveURL(new RegExp(`connector=${connectorUuid}.*action=findRecords`));
    await expect(page.getByRole("combobox", { name: "Object type" })).toBeVisible();
  });

  test("a failing action shows the integration's message", async ({ page }) => {
    await page.goto(`/playground?connector=${connectorUuid}&action=simulateError`);
    await page.getByLabel("HTTP status").selectOption("422");
    await page.getByLabel("Error message").fill("Deal is locked by finance");
    await page.getByRole("button", { name: "Execute" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The action failed" })).toContainText("Deal is locked by finance");
  });
});
