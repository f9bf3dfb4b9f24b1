import { ConnectorResponseBody } from "@/lib/contract";
import { expect, test } from "./fixtures";
import { screenshotBothThemes } from "./support/screenshots";
import { EditorPage, WorkflowApi } from "./workflows/editor.page";

let connector = { uuid: "", label: "" };

test.beforeAll(async ({ request }) => {
  const suffix = Date.now().toString(36);
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `gallery_${suffix}`, name: `Gallery CRM ${suffix}`, config: { apiKey: "demo-api-key", region: "us" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  const created = ConnectorResponseBody.parse(await response.json()).connector;
  connector = { uuid: created.uuid, label: `${created.name} (${created.slug})` };
});

test.describe("templates", () => {
  test("the gallery filters by kind; using a CRM tool with a chosen connector opens its graph in the editor", async ({ page, request }) => {
    // Three pages (workflows, gallery, editor) on a shared CI machine.
    test.setTimeout(60_000);
    await page.goto("/workflows");
    await page.getByRole("link", { name: "Start from a template" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" })).toHaveAttribute("aria-current", "page");

    const gallery = page.getByRole("list", { name: "Templates" });
    const lookupCard = gallery.getByRole("article", { name: "Look up a CRM contact" });
    await expect(lookupCard.getByRole("list", { name: "Look up a CRM contact needs" })).toHaveText("Demo CRM");
    await expect(lookupCard.getByText("Tool", { exact: true })).toBeVisible();
    await screenshotBothThemes(page, page.locator("main"), "templates-gallery");

    await page.getByRole("button", { name: /^Plays/ }).click();
    await expect(lookupCard).toHaveCount(0);
    await expect(gallery.getByRole("article", { name: "Nightly re-check of changed contacts" })).toBeVisible();
    await page.getByRole("button", { name: /^Tools/ }).click();
    await expect(gallery.getByRole("article", { name: "Nightly re-check of changed contacts" })).toHaveCount(0);

    await lookupCard.getByRole("button", { name: "Use template" }).click();
    const dialog = page.getByRole("dialog", { name: "Use “Look up a CRM contact”" });
    await expect(dialog.getByLabel("Name")).toHaveValue("Look up a CRM contact");
    const name = `Lookup ${Date.now().toString(36)}`;
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Demo CRM connector").selectOption({ label: connector.label });
    await screenshotBothThemes(page, dialog, "templates-use-dialog");
    await dialog.getByRole("button", { name: "Create and open" }).click();

    await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
    const editor = new EditorPage(page);
    await expect(editor.canvas).toHaveAttribute("data-canvas-ready", "true");
    await expect(editor.name).toHaveValue(name);
    for (const slug of ["start", "lookup", "found", "not_found"]) await expect(editor.node(slug)).toBeVisible();

    const uuid = page.url().split("/").pop()!;
    const saved = await new WorkflowApi(request).get(uuid);
    expect(saved.nodes.find((node) => node.slug === "lookup")).toMatchObject({ kind: "connector", connectorUuid: connector.uuid });
    expect(saved.formFields.map((field) => field.slug)).toEqual(["email"]);
  });

  test("the dialog is keyboard usable and names the connector it still needs", async ({ page }) => {
    await page.goto("/templates");
    const card = page.getByRole("article", { name: "Brief me on a CRM contact (OpenAI)" });
    await card.getByRole("button", { name: "Use template" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /Brief me on a CRM contact/ });
    await expect(dialog.getByLabel("Name")).toBeFocused();
    // No OpenAI connector in this workspace: the dialog offers to create one and will not submit without it.
    await expect(dialog.getByRole("link", { name: "Set up OpenAI" })).toHaveAttribute("href", "/connectors/new?integration=openai");
    await dialog.getByRole("button", { name: "Create and open" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Pick the OpenAI connector to use");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/templates$/);
  });
});
