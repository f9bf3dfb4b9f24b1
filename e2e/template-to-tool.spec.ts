import { generateDataset } from "@/examples/demo-integration/data";
import { ConnectorResponseBody } from "@/lib/contract";
import { expect, test } from "./fixtures";
import { EditorPage } from "./workflows/editor.page";

// The whole way issue 14 asks for, in the browser: a template with the connector it needs, the
// editor's Deploy, a tool over the deployed workflow, its form run, and the output on the page.
const contact = generateDataset().records.contacts[0] as unknown as { email: string; firstName: string; lastName: string };

test("use a template, pick its connector, deploy, run the tool from its form and see the output", async ({ page, request }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const created = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `whole_way_${suffix}`, name: `Whole way CRM ${suffix}`, config: { apiKey: "demo-api-key", region: "us" } },
  });
  expect(created.status(), await created.text()).toBe(200);
  const connector = ConnectorResponseBody.parse(await created.json()).connector;

  await page.goto("/templates");
  const card = page.getByRole("list", { name: "Templates" }).getByRole("article", { name: "Look up a CRM contact" });
  await card.getByRole("button", { name: "Use template" }).click();
  const use = page.getByRole("dialog", { name: "Use “Look up a CRM contact”" });
  const name = `Who is this ${suffix}`;
  await use.getByLabel("Name").fill(name);
  await use.getByLabel("Demo CRM connector").selectOption({ label: `${connector.name} (${connector.slug})` });
  await use.getByRole("button", { name: "Create and open" }).click();

  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  const editor = new EditorPage(page);
  await expect(editor.canvas).toHaveAttribute("data-canvas-ready", "true");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  const deploy = page.getByRole("dialog", { name: "Deploy this workflow" });
  await deploy.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deployed 1.0.0" })).toBeVisible();

  await page.goto("/tools");
  await page.getByRole("button", { name: "Create tool" }).click();
  const createTool = page.getByRole("dialog", { name: "Create tool" });
  await createTool.getByLabel("Workflow").selectOption({ label: `${name} (v1.0.0)` });
  await createTool.getByRole("button", { name: "Create tool" }).click();
  await expect(page).toHaveURL(/\/tools\/[0-9a-f-]{36}$/);

  const form = page.getByRole("region", { name: "Form" });
  await form.getByLabel("Email").fill(contact.email);
  await form.getByRole("button", { name: "Run" }).click();
  const run = page.getByTestId("tool-run");
  await expect(run).toContainText("Succeeded");
  await expect(run).toContainText(`"name": "${contact.firstName} ${contact.lastName}"`);
  await expect(run).toContainText('"found": true');
});
