import { expect, test } from "../fixtures";
import { fakeManifest, listCustomIntegrations, serveManifest, unregister } from "./support";

const NAME = '<img src=x onerror="window.__pwned=1">Evil';
const ICON = '<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>';
const DESCRIPTION = '<b onmouseover="window.__pwned=1">bold</b> description';
const ACTION = "<script>window.__pwned=1</script>";

test("manifest text is shown as text and its icon cannot run script", async ({ page, request }) => {
  const server = await serveManifest(
    fakeManifest({
      name: NAME,
      icon: ICON,
      description: DESCRIPTION,
      actions: { ping: { name: ACTION, description: NAME, config: { jsonSchema: { type: "object", properties: {} }, uiSchema: {} } } },
    }),
  );
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  try {
    await page.goto("/integrations/custom");
    await page.getByLabel("Base URL").fill(server.url);
    await page.getByRole("button", { name: "Check manifest" }).click();
    const preview = page.getByRole("region", { name: "Manifest preview" });
    await expect(preview.getByRole("heading", { name: NAME })).toHaveText(NAME);
    await preview.getByRole("button", { name: "Register integration" }).click();
    const item = page.getByRole("list", { name: "Registered integrations" }).getByRole("article", { name: NAME });
    await expect(item.getByRole("link", { name: NAME, exact: true })).toHaveText(NAME);
    expect(await pwned()).toBeUndefined();

    const slug = (await listCustomIntegrations(request)).find((c) => c.baseUrl === server.url)!.slug;

    await page.goto("/integrations");
    const card = page.getByRole("article", { name: NAME, exact: true });
    await expect(card.getByRole("heading", { name: NAME })).toHaveText(NAME);
    await expect(card.getByText(DESCRIPTION, { exact: true })).toBeVisible();
    await expect(card.getByRole("list", { name: `${NAME} actions` }).getByRole("listitem")).toHaveText([ACTION]);
    // The icon is shown through <img> (an invalid SVG falls back to the name's initial), never inlined.
    for (const src of await card.locator("img").evaluateAll((images) => images.map((image) => image.getAttribute("src")))) {
      expect(src).toMatch(/^data:image\/svg\+xml/);
    }
    await expect(card.locator("svg[onload]")).toHaveCount(0);
    await expect(card.locator("script, b, [onerror], [onload]")).toHaveCount(0);
    await card.hover();
    expect(await pwned()).toBeUndefined();

    await page.goto(`/integrations/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
    await expect(page.getByRole("article", { name: ACTION })).toContainText(NAME);
    await expect(page.locator("main script, main [onerror], main [onload], main [onmouseover]")).toHaveCount(0);
    expect(await pwned()).toBeUndefined();
  } finally {
    await unregister(request, [server.url]);
    await server.close();
  }
});
