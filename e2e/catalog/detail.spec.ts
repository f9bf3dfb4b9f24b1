import { expect, test } from "../fixtures";
import { createConnector, deleteConnector } from "./support";

test.describe("integration page", () => {
  test("shows what the demo integration offers and what a connector needs", async ({ page }) => {
    await page.goto("/integrations/demo_crm");
    await expect(page.getByRole("heading", { level: 1, name: "Demo CRM" })).toBeVisible();
    await expect(page.getByText("Seed layout")).toBeVisible();

    const actions = page.getByRole("region", { name: /^Actions/ });
    const createRecord = actions.getByRole("article", { name: "Create record" });
    await expect(createRecord).toContainText("createRecord");
    await expect(createRecord).toContainText("Creates a contact, company or deal");
    await createRecord.getByRole("button", { name: /Config form/ }).click();
    const fields = createRecord.getByRole("table", { name: "Create record config fields" });
    await expect(fields.getByRole("row", { name: /Object type/ })).toContainText("Autocomplete: listObjects");
    await expect(fields.getByRole("row", { name: /Fields/ })).toContainText("Dynamic form: recordFields");
    await expect(fields.getByRole("row", { name: /Object type/ })).toContainText("Required");

    const extractor = page.getByRole("region", { name: /^Extractors/ }).getByRole("article", { name: "Records" });
    await expect(extractor).toContainText("Mode: fetch, incremental");
    await expect(extractor).toContainText("Preview: records");

    const autocompletes = page.getByRole("table", { name: "Demo CRM autocompletes" });
    for (const slug of ["listObjects", "listObjectProperties", "listOwners"]) {
      await expect(autocompletes.getByRole("row", { name: new RegExp(`^${slug}\\b`) })).toBeVisible();
    }
    await expect(page.getByRole("table", { name: "Demo CRM dynamic schemas" })).toContainText("recordFields");

    const config = page.getByRole("table", { name: "Demo CRM connector config" });
    await expect(config.getByRole("row", { name: /API key/ })).toContainText("Secret");
    await expect(config.getByRole("row", { name: /Region/ })).not.toContainText("Secret");
    await expect(page.getByText("20 calls per second per connector")).toBeVisible();

    await expect(page.getByRole("link", { name: "Add connector" })).toHaveAttribute("href", "/connectors/new?integration=demo_crm");
    await expect(page.getByRole("link", { name: "Try an action" })).toHaveAttribute("href", "/playground?integration=demo_crm");
  });

  test("lists the integration's connectors with their last test", async ({ page, request }) => {
    const connector = await createConnector(request, {
      integrationSlug: "demo_crm",
      name: "Detail page CRM",
      config: { apiKey: "demo-api-key", region: "us" },
    });
    try {
      await page.goto("/integrations/demo_crm");
      const item = page.getByRole("list", { name: "Demo CRM connectors" }).getByRole("listitem").filter({ hasText: "Detail page CRM" });
      await expect(item).toContainText(connector.slug);
      await expect(item).toContainText("Test passed");
      await expect(item.getByRole("link", { name: "Detail page CRM" })).toHaveAttribute("href", `/connectors/${connector.uuid}`);
    } finally {
      await deleteConnector(request, connector.uuid);
    }
  });

  test("the built-in integration needs no connector", async ({ page }) => {
    await page.goto("/integrations/native");
    await expect(page.getByRole("heading", { level: 1, name: "Built-in" })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Actions/ }).getByRole("article", { name: "Branch" })).toContainText("Branches: Yes / No");
    await expect(page.getByRole("region", { name: /^Extractors/ })).toContainText("No extractors declared.");
    await expect(page.getByText("Built-in actions run inside the app: they need no connector.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add connector" })).toHaveCount(0);
  });

  test("an unknown slug says the integration does not exist", async ({ page }) => {
    await page.goto("/integrations/no_such_integration");
    const empty = page.getByRole("region", { name: "Integration not found" });
    await expect(empty).toContainText("no_such_integration");
    await empty.getByRole("link", { name: "Back to integrations" }).click();
    await expect(page).toHaveURL(/\/integrations$/);
  });
});
