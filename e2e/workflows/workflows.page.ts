import { expect, type Locator, type Page } from "@playwright/test";

/** The `/workflows` list, as a screen reader finds it: a list of rows named by workflow, dialogs for each action. */
export class WorkflowsPage {
  readonly list: Locator;
  readonly createButton: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole("list", { name: "Workflows" });
    this.createButton = page.getByRole("main").getByRole("button", { name: "Create workflow" }).first();
  }

  async goto() {
    await this.page.goto("/workflows");
  }

  row(name: string): Locator {
    return this.list.getByRole("listitem", { name, exact: true });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name });
  }

  /** Creates a workflow through the dialog; the app then opens it in the editor. */
  async create(name: string) {
    await this.createButton.click();
    const dialog = this.dialog("Create workflow");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create and open" }).click();
  }

  async rename(from: string, to: string) {
    await this.page.getByRole("button", { name: `Rename ${from}`, exact: true }).click();
    // Not by name: a rename refused as stale refreshes the row, and the title with it.
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toHaveAccessibleName(`Rename “${from}”`);
    await dialog.getByLabel("Name").fill(to);
    await dialog.getByRole("button", { name: "Save" }).click();
    return dialog;
  }

  async duplicate(name: string) {
    await this.page.getByRole("button", { name: `Duplicate ${name}`, exact: true }).click();
  }

  /** Opens the delete confirmation and returns it (confirm or cancel in the test). */
  async openDelete(name: string) {
    await this.page.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
    const dialog = this.dialog(`Delete “${name}”?`);
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
