import type { Locator, Page } from "@playwright/test";

/** `/runs`: the status filter and a table of runs, one row per run. */
export class RunsPage {
  readonly status: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByLabel("Status", { exact: true });
    this.table = page.getByRole("table");
  }

  async goto(query = "") {
    await this.page.goto(`/runs${query}`);
  }

  /** The row of a run, found by the short id it shows. */
  row(runUuid: string): Locator {
    // The short id the list shows: the uuid's random tail (its head is the time, shared by runs of a minute).
    return this.table.getByRole("row").filter({ hasText: runUuid.slice(-8) });
  }
}

/** `/runs/[uuid]`: one run's facts, input and output, and its executions. */
export class RunPage {
  readonly heading: Locator;
  readonly executions: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.executions = page.getByRole("list", { name: "Executions" });
    this.cancelButton = page.getByRole("button", { name: "Cancel run" });
  }

  async goto(runUuid: string) {
    await this.page.goto(`/runs/${runUuid}`);
  }

  execution(slug: string): Locator {
    return this.executions.getByRole("listitem", { name: slug, exact: true });
  }

  /** Expands an execution and returns its computed config and output, as shown. */
  async expand(slug: string) {
    const execution = this.execution(slug);
    await execution.locator(":scope > details > summary").click();
    return {
      config: execution.getByLabel(`Computed config of ${slug}`, { exact: true }),
      output: execution.getByLabel(`Output of ${slug}`, { exact: true }),
    };
  }

  section(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }
}
