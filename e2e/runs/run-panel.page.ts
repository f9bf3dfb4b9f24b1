import { expect, type Locator, type Page } from "@playwright/test";

/** `/dev/run-panel?uuid=`: a node list standing in for the canvas, and the editor's RunPanel. */
export class RunPanelPage {
  readonly panel: Locator;
  readonly input: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly shownRun: Locator;
  readonly nodeResult: Locator;
  readonly history: Locator;
  readonly blocked: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("complementary", { name: "Side panel" });
    this.input = this.panel.getByLabel("Input data (JSON)");
    this.runButton = this.panel.getByRole("button", { name: /^(Run|Saving…|Starting…|Running…)$/ });
    this.cancelButton = this.panel.getByRole("button", { name: "Cancel" });
    this.shownRun = this.panel.getByRole("region", { name: "Shown run" });
    this.nodeResult = this.panel.getByRole("region", { name: "Node result" });
    this.history = this.panel.getByRole("list", { name: "Run history" });
    this.blocked = this.panel.getByTestId("run-blocked");
  }

  async goto(workflowUuid: string) {
    await this.page.goto(`/dev/run-panel?uuid=${workflowUuid}`);
    await expect(this.input).toBeVisible();
  }

  /** A node of the stand-in canvas; `data-run-status` holds its status in the shown run. */
  node(slug: string): Locator {
    return this.page.getByRole("list", { name: "Nodes" }).getByRole("listitem", { name: slug, exact: true });
  }

  async selectNode(slug: string) {
    await this.node(slug).getByRole("button").click();
  }

  async run(input: Record<string, unknown>) {
    await this.input.fill(JSON.stringify(input));
    await this.runButton.click();
  }
}
