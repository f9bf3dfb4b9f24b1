import { expect, type Locator, type Page } from "@playwright/test";

/** The `/dev/forms` bench, as a screen reader finds it: one region per action form. */
export class FormsPage {
  readonly createRecord: Locator;
  readonly updateRecord: Locator;
  readonly submitted: Locator;

  constructor(readonly page: Page) {
    this.createRecord = page.getByRole("region", { name: "Create record" });
    this.updateRecord = page.getByRole("region", { name: "Update record" });
    this.submitted = page.getByTestId("submitted");
  }

  async goto() {
    await this.page.goto("/dev/forms");
    await expect(this.createRecord.getByRole("combobox", { name: "Object type", exact: true })).toBeVisible();
  }

  /** Opens a combobox with the mouse and clicks the option named exactly `option`. */
  async choose(combobox: Locator, option: string) {
    await combobox.click();
    await expect(combobox).toHaveAttribute("aria-expanded", "true");
    const listbox = this.page.locator(`#${await combobox.getAttribute("aria-controls")}`);
    await listbox.getByRole("option", { name: option, exact: true }).click();
    await expect(combobox).toHaveAttribute("aria-expanded", "false");
  }

  /** The names of the options a combobox lists once it is opened (and has loaded). */
  async optionNames(combobox: Locator): Promise<string[]> {
    await combobox.click();
    const listbox = this.page.locator(`#${await combobox.getAttribute("aria-controls")}`);
    await expect(listbox.getByRole("option").first()).toBeVisible();
    const names = await listbox.getByRole("option").evaluateAll((options) =>
      options.map((option) => document.getElementById(option.getAttribute("aria-labelledby") ?? "")?.textContent ?? ""),
    );
    await combobox.press("Escape");
    return names;
  }

  /** The name of the option `aria-activedescendant` points at, or null. */
  async activeOptionName(combobox: Locator): Promise<string | null> {
    const id = await combobox.getAttribute("aria-activedescendant");
    if (!id) return null;
    const labelId = await this.page.locator(`[id="${id}"]`).getAttribute("aria-labelledby");
    return this.page.locator(`[id="${labelId}"]`).textContent();
  }
}
