import { ConnectorResponseBody, CustomIntegrationResponseBody } from "@/lib/contract";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fakeManifest, json, startFakeIntegration } from "./support/fake-integration";

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

test("an autocomplete whose server call fails shows the message, and manual entry still submits", async ({ page, request }) => {
  const executed: unknown[] = [];
  const manifest = fakeManifest({
    name: `Flaky ${Date.now().toString(36)}`,
    actions: {
      tag: {
        name: "Tag account",
        description: "Tags an account",
        config: {
          jsonSchema: { type: "object", required: ["account"], properties: { account: { type: "string", title: "Account" } } },
          uiSchema: { account: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "things" } } },
        },
      },
    },
  });
  const fake = await startFakeIntegration({
    "GET /manifest": (_q, _b, res) => json(res, 200, manifest),
    "POST /authenticate": (_q, _b, res) => json(res, 200, { outcome: "success" }),
    "POST /autocompletes/things": (_q, _b, res) => json(res, 500, { errorMessage: "Accounts index is rebuilding" }),
    "POST /actions/tag/execute": (_q, body, res) => {
      executed.push((body as { actionConfig: unknown }).actionConfig);
      json(res, 200, { outcome: "executed", title: "Account tagged" });
    },
  });
  try {
    const registered = await request.post("/api/v1/connection/customIntegrations", { data: { kind: "external", baseUrl: fake.url } });
    const { customIntegration } = CustomIntegrationResponseBody.parse(await registered.json());
    const created = await request.post("/api/v1/connection/connectors", {
      data: { integrationSlug: customIntegration.slug, slug: `flaky_${Date.now()}`, name: "Flaky", config: { token: "t" } },
    });
    const { connector } = ConnectorResponseBody.parse(await created.json());

    await page.goto(`/playground?connector=${connector.uuid}&action=tag`);
    await expect(page.getByRole("alert").filter({ hasText: "Accounts index is rebuilding" })).toBeVisible();
    await page.getByRole("textbox", { name: "Account", exact: true }).fill("acme-corp");
    await page.getByRole("button", { name: "Execute" }).click();
    await expect(page.getByRole("region", { name: "Result" })).toContainText("Account tagged");
    expect(executed).toEqual([{ account: "acme-corp" }]);
    await request.delete(`/api/v1/connection/customIntegrations/${customIntegration.uuid}`);
  } finally {
    await fake.close();
  }
});
