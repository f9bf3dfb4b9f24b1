import { IntegrationManifest } from "@/lib/contract";
import { expect, test } from "./fixtures";

test.describe("integration catalog (minimal)", () => {
  test("shows the demo integration's actions, as its running server declares them", async ({ page, request, demo }) => {
    // Only the app talks to this demo server, so a manifest fetch already counted came from the app.
    expect((await demo.stats()).calls["GET /manifest"] ?? 0).toBeGreaterThan(0);
    const manifest = IntegrationManifest.parse(await (await request.get(`${demo.url}/manifest`)).json());

    await page.goto("/integrations");
    const card = page.getByRole("article", { name: manifest.name });
    await expect(card).toBeVisible();
    await expect(card.getByText(manifest.description)).toBeVisible();

    const actions = card.getByRole("list", { name: `${manifest.name} actions` }).getByRole("listitem");
    await expect(actions).toHaveText(Object.values(manifest.actions).map((action) => action.name));
  });

  test("the integration icon is rendered as an inert image", async ({ page }) => {
    await page.goto("/integrations");
    const icon = page.getByRole("article").first().locator("img");
    await expect(icon).toHaveAttribute("src", /^data:image\/svg\+xml/);
  });
});
