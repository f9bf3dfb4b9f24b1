import { WorkflowResponseBody } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { createWorkflow, uniqueName } from "../runs/support";
import { WorkflowsPage } from "./workflows.page";

test.describe("workflows list", () => {
  test("create through the dialog lands in the editor; back on the list it shows with its size and last update", async ({ page }) => {
    const workflows = new WorkflowsPage(page);
    const name = uniqueName("Onboarding");
    await workflows.goto();
    await workflows.create(name);
    await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
    const uuid = page.url().split("/").pop();

    await workflows.goto();
    const row = workflows.row(name);
    await expect(row.getByRole("link", { name })).toHaveAttribute("href", `/workflows/${uuid}`);
    await expect(row).toContainText("2 nodes");
    await expect(row.locator("time")).toHaveText("just now");
    await expect(row.locator("time")).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2}T/);
  });

  test("the create dialog is a labelled modal: focus inside, Tab stays in it, Escape closes, a name is required", async ({ page }) => {
    const workflows = new WorkflowsPage(page);
    await workflows.goto();
    await workflows.createButton.click();
    const dialog = workflows.dialog("Create workflow");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Name")).toBeFocused();
    for (let press = 0; press < 6; press++) {
      await page.keyboard.press("Tab");
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await dialog.getByRole("button", { name: "Create and open" }).click();
    await expect(dialog.getByText("Give the workflow a name.")).toBeVisible();
    await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/workflows$/);
  });

  test("rename saves the new name; a rename based on a stale row refreshes the list and says so", async ({ page, request }) => {
    const workflows = new WorkflowsPage(page);
    const original = await createWorkflow(request, uniqueName("Leads"));
    await workflows.goto();
    const renamed = `${original.name} renamed`;
    const dialog = await workflows.rename(original.name, renamed);
    await expect(dialog).toBeHidden();
    await expect(workflows.row(renamed)).toBeVisible();
    await expect(workflows.row(original.name)).toHaveCount(0);

    // Someone else renames it after the list loaded: the row's updatedAt is now stale.
    const current = WorkflowResponseBody.parse(await (await request.get(`/api/v1/orchestration/workflows/${original.uuid}`)).json()).workflow;
    const elsewhere = `${original.name} elsewhere`;
    expect((await request.put(`/api/v1/orchestration/workflows/${original.uuid}`, { data: { name: elsewhere, updatedAt: current.updatedAt } })).status()).toBe(200);
    const mine = `${original.name} mine`;
    const staleDialog = await workflows.rename(renamed, mine);
    await expect(staleDialog.getByRole("alert")).toContainText("Someone else changed this workflow");
    await expect(workflows.row(elsewhere)).toBeAttached();
    await staleDialog.getByRole("button", { name: "Save" }).click();
    await expect(staleDialog).toBeHidden();
    await expect(workflows.row(mine)).toBeVisible();
  });

  test("duplicate adds a copy next to the original", async ({ page, request }) => {
    const workflows = new WorkflowsPage(page);
    const original = await createWorkflow(request, uniqueName("Nurture"));
    await workflows.goto();
    await workflows.duplicate(original.name);
    await expect(workflows.row(`${original.name} (copy)`)).toBeVisible();
    await expect(workflows.row(original.name)).toBeVisible();
  });

  test("delete asks first, naming the workflow; Cancel keeps it, confirming removes it", async ({ page, request }) => {
    const workflows = new WorkflowsPage(page);
    const doomed = await createWorkflow(request, uniqueName("Doomed"));
    await workflows.goto();
    let dialog = await workflows.openDelete(doomed.name);
    await expect(dialog.getByRole("heading")).toHaveText(`Delete “${doomed.name}”?`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(workflows.row(doomed.name)).toBeVisible();

    dialog = await workflows.openDelete(doomed.name);
    await dialog.getByRole("button", { name: "Delete workflow" }).click();
    await expect(dialog).toBeHidden();
    await expect(workflows.row(doomed.name)).toHaveCount(0);
    expect((await request.get(`/api/v1/orchestration/workflows/${doomed.uuid}`)).status()).toBe(404);
  });

  test("with no workflows, an empty state offers to create the first", async ({ page }) => {
    await page.route("**/api/v1/orchestration/workflows/list", (route) => route.fulfill({ json: { workflows: [] } }));
    const workflows = new WorkflowsPage(page);
    await workflows.goto();
    const empty = page.getByRole("region", { name: "No workflows yet" });
    await expect(empty).toBeVisible();
    await empty.getByRole("button", { name: "Create workflow" }).click();
    await expect(workflows.dialog("Create workflow")).toBeVisible();
  });

  test("a failed load shows the server's message and Retry loads the list", async ({ page }) => {
    let failing = true;
    await page.route("**/api/v1/orchestration/workflows/list", (route) =>
      failing ? route.fulfill({ status: 500, json: { errorMessage: "Database is napping" } }) : route.continue(),
    );
    const workflows = new WorkflowsPage(page);
    await workflows.goto();
    const alert = page.getByRole("alert").filter({ hasText: "Could not load workflows" });
    await expect(alert).toContainText("Database is napping");
    failing = false;
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(workflows.list).toBeVisible();
  });
});
