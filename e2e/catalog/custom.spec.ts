import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { createConnector, fakeManifest, listCustomIntegrations, registerCustomIntegration, serveManifest, uniqueName, unregister } from "./support";

const DEAD_URL = "http://127.0.0.1:9";

async function checkManifest(page: Page, baseUrl: string) {
  await page.getByLabel("Base URL").fill(baseUrl);
  await page.getByRole("button", { name: "Check manifest" }).click();
}

test.describe("custom integrations page", () => {
  const registered = new Set<string>();
  const servers: Array<{ close(): Promise<void> }> = [];
  test.afterEach(async ({ request }) => {
    await unregister(request, registered);
    registered.clear();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function fakeServer(manifest: Record<string, unknown>) {
    const server = await serveManifest(manifest);
    servers.push(server);
    registered.add(server.url);
    return server;
  }

  test("a server is previewed first, then registered and listed in the catalog", async ({ page, request, demo }) => {
    const baseUrl = `${demo.url}/legacy`;
    registered.add(baseUrl);
    await page.goto("/integrations/custom");
    await checkManifest(page, baseUrl);

    const preview = page.getByRole("region", { name: "Manifest preview" });
    await expect(preview.getByRole("heading", { name: "Demo CRM (legacy)" })).toBeVisible();
    await expect(preview).toContainText("legacy (the older dummy-integration layout)");
    await expect(preview).toContainText("Create record");
    await expect(preview).toContainText("listObjectProperties");
    expect((await listCustomIntegrations(request)).map((c) => c.baseUrl)).not.toContain(baseUrl);

    await preview.getByRole("button", { name: "Register integration" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Demo CRM (legacy) is registered" })).toBeVisible();
    await expect(preview).toBeHidden();
    await expect(page.getByLabel("Base URL")).toHaveValue("");

    const item = page.getByRole("list", { name: "Registered integrations" }).getByRole("article", { name: "Demo CRM (legacy)" });
    await expect(item).toContainText(baseUrl);
    await expect(item).toContainText("legacy");
    await expect(item).toContainText("Manifest valid");
    await expect(item.getByRole("time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\dT/);

    await page.goto("/integrations");
    await expect(page.getByRole("article", { name: "Demo CRM (legacy)", exact: true })).toBeVisible();
  });

  test("a manifest that breaks the contract lists every problem with its path", async ({ page }) => {
    const server = await fakeServer(fakeManifest({ color: 7, actions: { ping: { description: "no name", config: { jsonSchema: {} } } } }));
    await page.goto("/integrations/custom");
    await checkManifest(page, server.url);

    await expect(page.getByRole("heading", { name: /^The manifest has \d+ problems?$/ })).toBeVisible();
    const problems = page.getByRole("list", { name: "Manifest problems" });
    await expect(problems.getByRole("listitem").filter({ has: page.locator("code", { hasText: /^color$/ }) })).toBeVisible();
    await expect(problems.getByRole("listitem").filter({ has: page.locator("code", { hasText: /^actions\.ping\.name$/ }) })).toContainText("Required");
    await expect(page.getByRole("button", { name: "Register integration" })).toHaveCount(0);
  });

  test("an unreachable server shows the reason", async ({ page }) => {
    await page.goto("/integrations/custom");
    await checkManifest(page, DEAD_URL);
    const alert = page.getByRole("alert").filter({ hasText: "Could not check the manifest" });
    await expect(alert).toContainText(/Could not reach/);
    await expect(page.getByRole("region", { name: "Manifest preview" })).toHaveCount(0);
  });

  test("refresh reports a manifest that has become invalid", async ({ page, request }) => {
    const name = uniqueName("Refreshable");
    const server = await fakeServer(fakeManifest({ name }));
    await registerCustomIntegration(request, server.url);
    await page.goto("/integrations/custom");
    const item = page.getByRole("article", { name });
    await expect(item).toContainText("Manifest valid");

    await item.getByRole("button", { name: "Refresh" }).click();
    await expect(item.getByRole("status")).toHaveText("Manifest refreshed: it is valid.");

    server.serve({ ...fakeManifest({ name }), actions: { ping: { name: 42 } } });
    await item.getByRole("button", { name: "Refresh" }).click();
    await expect(item.getByRole("heading", { name: /^The manifest has \d+ problems?$/ })).toBeVisible();
    await expect(item.getByRole("list", { name: "Manifest problems" })).toContainText("actions.ping.name");
    await expect(item).toContainText("Manifest failing:");
  });

  test("changing the URL to a dead server is refused with the reason; a live one is saved", async ({ page, request }) => {
    const name = uniqueName("Movable");
    const server = await fakeServer(fakeManifest({ name }));
    const next = await fakeServer(fakeManifest({ name }));
    await registerCustomIntegration(request, server.url);
    await page.goto("/integrations/custom");
    const item = page.getByRole("article", { name });

    await item.getByRole("button", { name: "Change URL" }).click();
    await item.getByLabel("New base URL").fill(DEAD_URL);
    await item.getByRole("button", { name: "Save URL" }).click();
    await expect(item.getByRole("alert").filter({ hasText: "The URL was not changed" })).toContainText(/Could not reach/);
    expect((await listCustomIntegrations(request)).map((c) => c.baseUrl)).toContain(server.url);

    await item.getByLabel("New base URL").fill(next.url);
    await item.getByRole("button", { name: "Save URL" }).click();
    await expect(item.getByLabel("New base URL")).toBeHidden();
    await expect(item).toContainText(next.url);
    expect((await listCustomIntegrations(request)).map((c) => c.baseUrl)).toContain(next.url);
  });

  test("delete warns about the connectors that go with the integration", async ({ page, request }) => {
    const name = uniqueName("Deletable");
    const server = await fakeServer(fakeManifest({ name }));
    const custom = await registerCustomIntegration(request, server.url);
    for (const connectorName of ["Sales CRM", "Support CRM"]) {
      await createConnector(request, { integrationSlug: custom.slug, name: connectorName, config: { token: "t" } });
    }
    await page.goto("/integrations/custom");
    const item = page.getByRole("article", { name });

    await item.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Delete ${name}?` });
    await expect(dialog).toContainText(`Deleting ${name} also deletes 2 connectors: Sales CRM, Support CRM.`);
    // A modal: Cancel has focus, Tab stays inside, Escape closes and keeps the integration.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Delete integration" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(item).toBeVisible();
    await item.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await item.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete integration" }).click();
    await expect(dialog).toBeHidden();
    await expect(item).toBeHidden();
    expect((await listCustomIntegrations(request)).map((c) => c.uuid)).not.toContain(custom.uuid);
    const connectors = await (await request.get(`/api/v1/connection/connectors/list?integrationSlug=${custom.slug}`)).json();
    expect(connectors.connectors).toEqual([]);
  });
});
