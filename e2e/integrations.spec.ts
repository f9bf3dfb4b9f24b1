import { IntegrationManifest } from "@/lib/contract";
import { expect, test } from "./fixtures";

test.describe("integration catalog (minimal)", () => {
  test("shows the demo integration's actions, fetched live from the running demo server", async ({ page, request, demo }) => {
    const manifest = IntegrationManifest.parse(await (await request.get(`${demo.url}/manifest`)).json());
    const before = (await demo.stats()).calls["GET /manifest"] ?? 0;

    await page.goto("/integrations");
    const card = page.getByRole("article", { name: manifest.name });
    await expect(card).toBeVisible();
    await expect(card.getByText(manifest.description)).toBeVisible();

    const actions = card.getByRole("list", { name: `${manifest.name} actions` }).getByRole("listitem");
    await expect(actions).toHaveText(Object.values(manifest.actions).map((action) => action.name));

    // The page's data came from the demo server just now, not from a copy stored at registration.
    const after = (await demo.stats()).calls["GET /manifest"] ?? 0;
    expect(after).toBeGreaterThan(before);
  });

  test("the integration icon is rendered as an inert image", async ({ page }) => {
    await page.goto("/integrations");
    const icon = page.getByRole("article").first().locator("img");
    await expect(icon).toHaveAttribute("src", /^data:image\/svg\+xml/);
  });
});
