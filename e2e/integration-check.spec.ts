import { ConnectorResponseBody, CustomIntegrationListResponseBody, CustomIntegrationResponseBody } from "@/lib/contract";
import { startCorpusServer, type CorpusServer } from "@/lib/integrations/checker/testing/corpus-server";
import { expect, test } from "./fixtures";
import { screenshotBothThemes } from "./support/screenshots";

const BASE = "/api/v1/connection";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const UNKNOWN_SLUG_PATH = 'actions.createRecord.config.uiSchema.owner["ui:options"].slug';

test.describe("the contract checker", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  test.afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test("the demo integration comes out clean: its manifest on open, its endpoints with a connector", async ({ page, request }) => {
    const { customIntegrations } = CustomIntegrationListResponseBody.parse(await (await request.get(`${BASE}/customIntegrations/list`)).json());
    const demo = customIntegrations.find((custom) => custom.name === "Demo CRM")!;
    const name = `Checked CRM ${unique()}`;
    const created = await request.post(`${BASE}/connectors`, { data: { integrationSlug: demo.slug, slug: `checked_${unique()}`, name, config: { apiKey: "demo-api-key", region: "eu" } } });
    expect(created.status(), await created.text()).toBe(200);
    const { connector } = ConnectorResponseBody.parse(await created.json());
    cleanups.push(() => request.delete(`${BASE}/connectors/${connector.uuid}`));

    await page.goto("/integrations/custom");
    await page.getByRole("link", { name: "Check Demo CRM" }).click();
    await expect(page).toHaveURL(`/integrations/custom/${demo.uuid}/check`);
    await expect(page.getByRole("heading", { name: "Check Demo CRM" })).toBeVisible();
    const manifest = page.getByRole("region", { name: "Manifest check" });
    await expect(manifest.getByText("No problems found")).toBeVisible();
    await expect(manifest).toContainText("manifest only");

    await page.getByLabel("Connector").selectOption({ label: name });
    await page.getByLabel("Action to execute").selectOption({ label: "Find records" });
    await page.getByLabel("Action config (JSON)").fill("{oops");
    await page.getByRole("button", { name: "Run checks" }).click();
    await expect(page.getByText(/Not valid JSON/)).toBeVisible();
    await page.getByLabel("Action config (JSON)").fill(JSON.stringify({ objectType: "contacts", property: "lastName", value: "nobody" }));
    await page.getByRole("button", { name: "Run checks" }).click();
    const endpoints = page.getByRole("region", { name: "Endpoint check" });
    await expect(endpoints.getByText("No problems found")).toBeVisible({ timeout: 20_000 });
    await expect(endpoints).toContainText("manifest and endpoints");
    // The saved config stayed on the server: the page never held the API key.
    expect(await page.content()).not.toContain("demo-api-key");
    await screenshotBothThemes(page, page.locator("main"), "integration-check-demo");
  });

  test("a broken server: the registration preview lists the lint finding, the check page adds what the probes find", async ({ page, request }) => {
    const broken: CorpusServer = await startCorpusServer({
      manifest: (m) => void (m.actions.createRecord.config.uiSchema.owner["ui:options"].slug = "listOwnerz"),
      routes: { "POST /extractors/records/count": () => ({ body: { count: 7 } }) },
    });
    cleanups.push(() => broken.close());

    await page.goto("/integrations/custom");
    await page.getByLabel("Base URL").fill(broken.url);
    await page.getByRole("button", { name: "Check manifest" }).click();
    const preview = page.getByRole("region", { name: "Manifest preview" });
    await expect(preview.getByText("The contract checker found 1 problem.")).toBeVisible();
    await expect(preview.getByRole("list", { name: "Errors" }).getByRole("listitem")).toContainText(UNKNOWN_SLUG_PATH);
    await screenshotBothThemes(page, preview, "integration-check-preview");
    await preview.getByRole("button", { name: "Register integration" }).click();
    await expect(page.getByText("Corpus CRM is registered")).toBeVisible();

    const { customIntegrations } = CustomIntegrationListResponseBody.parse(await (await request.get(`${BASE}/customIntegrations/list`)).json());
    const custom = CustomIntegrationResponseBody.shape.customIntegration.parse(customIntegrations.find((item) => item.baseUrl === broken.url));
    cleanups.push(() => request.delete(`${BASE}/customIntegrations/${custom.uuid}`));
    const created = await request.post(`${BASE}/connectors`, { data: { integrationSlug: custom.slug, slug: `corpus_${unique()}`, name: "Corpus key", config: { apiKey: "good-key" } } });
    expect(created.status(), await created.text()).toBe(200);

    await page.getByRole("link", { name: `Check ${custom.name}` }).click();
    const manifest = page.getByRole("region", { name: "Manifest check" });
    const errors = manifest.getByRole("list", { name: "Errors" }).getByRole("listitem");
    await expect(errors).toHaveCount(1);
    await expect(errors).toContainText(UNKNOWN_SLUG_PATH);
    await expect(errors).toContainText('asks for the autocomplete "listOwnerz"');
    await expect(errors).toContainText("Fix:");

    await page.getByLabel("Connector").selectOption({ label: "Corpus key" });
    await page.getByRole("button", { name: "Run checks" }).click();
    const endpoints = page.getByRole("region", { name: "Endpoint check" });
    await expect(endpoints).toContainText("2 errors, 0 warnings, 0 notes");
    await expect(endpoints.getByRole("list", { name: "Errors" }).getByRole("listitem").nth(1)).toContainText("extractors.records:count.count");
    await expect(endpoints).toContainText("POST /extractors/records/count");
    await screenshotBothThemes(page, page.locator("main"), "integration-check-broken");
  });
});
