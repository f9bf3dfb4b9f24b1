import { expect, type Locator, type Page } from "@playwright/test";
import type { WorkflowNode } from "@/lib/contract";

/** The `/dev/validate` bench: paste nodes, validate in the browser, read the result. */
export class ValidatePage {
  readonly nodes: Locator;
  readonly validateButton: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.nodes = page.getByLabel("Nodes (JSON)");
    this.validateButton = page.getByRole("button", { name: "Validate" });
    this.result = page.getByTestId("browser-result");
  }

  async goto() {
    await this.page.goto("/dev/validate");
    await expect(this.validateButton).toBeEnabled();
  }

  /** Validates `nodes` in the browser and returns the parsed result. */
  async validate(nodes: WorkflowNode[]): Promise<unknown> {
    await this.nodes.fill(JSON.stringify(nodes));
    await expect(this.result).toBeEmpty();
    await this.validateButton.click();
    await expect(this.result).not.toBeEmpty();
    return JSON.parse((await this.result.textContent()) ?? "");
  }
}
