import { expect, test } from "../fixtures";

test.describe("integration catalog", () => {
  test("search filters the cards, is written to the URL and survives a reload", async ({ page }) => {
    await page.goto("/integrations");
    const demo = page.getByRole("article", { name: "Demo CRM", exact: true });
    const builtIn = page.getByRole("article", { name: "Built-in", exact: true });
    await expect(demo).toBeVisible();
    await expect(builtIn).toBeVisible();

    await page.getByRole("searchbox", { name: "Search integrations" }).fill("demo crm");
    await expect(page).toHaveURL(/[?&]search=demo(\+|%20)crm/);
    await expect(builtIn).toBeHidden();
    await expect(demo).toBeVisible();

    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search integrations" })).toHaveValue("demo crm");
    await expect(demo).toBeVisible();
    await expect(builtIn).toBeHidden();
  });

  test("the category filter narrows the catalog and is shareable", async ({ page }) => {
    await page.goto("/integrations");
    await page.getByLabel("Category").selectOption("freeform");
    await expect(page).toHaveURL(/[?&]category=freeform/);
    await expect(page.getByRole("article", { name: "Built-in", exact: true })).toBeVisible();
    await expect(page.getByRole("article", { name: "Demo CRM", exact: true })).toBeHidden();

    await page.goto("/integrations?category=custom");
    await expect(page.getByLabel("Category")).toHaveValue("custom");
    await expect(page.getByRole("article", { name: "Demo CRM", exact: true })).toBeVisible();
    await expect(page.getByRole("article", { name: "Built-in", exact: true })).toBeHidden();
  });

  test("the Has extractors toggle hides the built-in integration", async ({ page }) => {
    await page.goto("/integrations");
    await page.getByRole("checkbox", { name: "Has extractors" }).check();
    await expect(page).toHaveURL(/[?&]hasExtractors=true/);
    await expect(page.getByRole("article", { name: "Built-in", exact: true })).toBeHidden();
    await expect(page.getByRole("article", { name: "Demo CRM", exact: true })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Has extractors" })).toBeChecked();
    await page.getByRole("checkbox", { name: "Has extractors" }).uncheck();
    await expect(page).not.toHaveURL(/hasExtractors/);
    await expect(page.getByRole("article", { name: "Built-in", exact: true })).toBeVisible();

    await page.getByRole("checkbox", { name: "Has actions" }).check();
    await expect(page).toHaveURL(/[?&]hasActions=true/);
    await expect(page.getByRole("article", { name: "Built-in", exact: true })).toBeVisible();
  });

  test("a filter that matches nothing says so, and Clear filters shows everything again", async ({ page }) => {
    await page.goto("/integrations?search=no-such-integration-anywhere&hasExtractors=true");
    const empty = page.getByRole("region", { name: "No integrations match" });
    await expect(empty).toBeVisible();
    await empty.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/integrations$/);
    await expect(page.getByRole("searchbox", { name: "Search integrations" })).toHaveValue("");
    await expect(page.getByRole("checkbox", { name: "Has extractors" })).not.toBeChecked();
    await expect(page.getByRole("article", { name: "Built-in", exact: true })).toBeVisible();
    await expect(page.getByRole("article", { name: "Demo CRM", exact: true })).toBeVisible();
  });

  test("each card links to its page, and custom integrations offer the playground", async ({ page }) => {
    await page.goto("/integrations");
    const demo = page.getByRole("article", { name: "Demo CRM", exact: true });
    await expect(demo.getByRole("link", { name: "Try an action" })).toHaveAttribute("href", "/playground?integration=demo_crm");
    await expect(page.getByRole("article", { name: "Built-in", exact: true }).getByRole("link", { name: "Try an action" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Register an integration" })).toHaveAttribute("href", /^\/integrations\/custom/);
    // Where each runs: an SDK integration runs inside the app like the built-in nodes; a server is custom.
    await expect(page.getByRole("article", { name: "Slack", exact: true }).getByText("Native", { exact: true })).toBeVisible();
    await expect(demo.getByText("Custom", { exact: true })).toBeVisible();

    await demo.getByRole("link", { name: "Demo CRM", exact: true }).click();
    await expect(page).toHaveURL(/\/integrations\/demo_crm$/);
    await expect(page.getByRole("heading", { level: 1, name: "Demo CRM" })).toBeVisible();
  });
});
