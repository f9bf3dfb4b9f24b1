import { expect, test } from "./fixtures";

test.describe("app shell", () => {
  test("the home page opens the catalog, and the sidebar reaches every section", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/integrations$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Integrations" })).toHaveAttribute("aria-current", "page");

    // Other specs may have created connectors, workflows and runs by now; the empty states have
    // their own tests (e2e/workflows/list.spec.ts, e2e/runs).
    for (const section of ["Connectors", "Workflows", "Runs"]) {
      await nav.getByRole("link", { name: section }).click();
      await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
      await expect(nav.getByRole("link", { name: section })).toHaveAttribute("aria-current", "page");
    }
  });

  test("dark mode toggles and survives a reload", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/connectors");
    const html = page.locator("html");
    await expect(html).not.toHaveClass(/dark/);
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(html).toHaveClass(/dark/);
    await page.reload();
    await expect(html).toHaveClass(/dark/);
    await page.getByRole("button", { name: "Switch to light mode" }).click();
    await expect(html).not.toHaveClass(/dark/);
  });

  test("an unknown page shows a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await page.getByRole("link", { name: "Go to integrations" }).click();
    await expect(page).toHaveURL(/\/integrations$/);
  });
});
