import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { ConnectorResponseBody, DatasetResponseBody, ModelResponseBody } from "@/lib/contract";
import { E2E_APP_PORT } from "../ports";

let counter = 0;

/** A name no other test (or earlier run against the same data folder) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${counter++}`;
}

/** A demo CRM connector with a unique slug and name, so the connector select tells it apart. */
export async function createDemoConnector(request: APIRequestContext) {
  const slug = `models_${Date.now().toString(36)}_${counter++}`;
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug, name: `Models CRM ${slug}`, config: { apiKey: "demo-api-key", region: "eu" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ConnectorResponseBody.parse(await response.json()).connector;
}

/** A model imported from a CSV (`lines`: the header row, then a row per record), in a dataset when given. */
export async function createCsvModel(request: APIRequestContext, name: string, lines: string[], datasetUuid?: string) {
  const upload = await request.post("/api/v1/workspace/files", {
    headers: { origin: `http://127.0.0.1:${E2E_APP_PORT}` },
    multipart: { file: { name: "records.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) } },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const response = await request.post("/api/v1/storage/models", { data: { name, fileUuid: (await upload.json()).file.uuid, ...(datasetUuid && { datasetUuid }) } });
  expect(response.status(), await response.text()).toBe(200);
  return ModelResponseBody.parse(await response.json()).model;
}

export async function createDataset(request: APIRequestContext, name: string) {
  const response = await request.post("/api/v1/storage/datasets", { data: { name } });
  expect(response.status(), await response.text()).toBe(200);
  return DatasetResponseBody.parse(await response.json()).dataset;
}

export async function getModel(request: APIRequestContext, uuid: string) {
  const response = await request.get(`/api/v1/storage/models/${uuid}`);
  expect(response.status(), await response.text()).toBe(200);
  return ModelResponseBody.parse(await response.json()).model;
}

/** `/models/[uuid]`: the header, the syncs, and the records browser. */
export class ModelPage {
  readonly heading: Locator;
  readonly syncs: Locator;
  readonly grid: Locator;
  readonly count: Locator;
  readonly filter: Locator;
  readonly filterJson: Locator;
  readonly segments: Locator;
  readonly drawer: Locator;
  /** The "Model settings" dialog the header's Settings opens. */
  readonly settings: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.syncs = page.getByRole("region", { name: "Syncs" });
    this.grid = page.getByRole("grid", { name: "Records" });
    this.count = page.getByRole("status", { name: "Record count" });
    this.filter = page.getByRole("region", { name: "Filter" });
    this.filterJson = page.getByLabel("Filter JSON");
    this.segments = page.getByRole("list", { name: "Segments" });
    this.drawer = page.getByRole("dialog");
    this.settings = page.getByRole("dialog", { name: "Model settings" });
  }

  async openSettings() {
    await this.page.getByRole("button", { name: "Settings", exact: true }).click();
    await expect(this.settings).toBeVisible();
  }

  /** The data rows in the page (the virtualized table renders only those near the view). */
  rows(): Locator {
    return this.grid.locator("tbody").getByRole("row");
  }

  row(position: number): Locator {
    return this.grid.locator(`tbody tr[aria-rowindex="${position + 2}"]`);
  }

  /** The texts of one column in the first `count` rows, by the column's header. */
  async columnTexts(label: string, count: number): Promise<string[]> {
    const headers = await this.grid.getByRole("columnheader").allInnerTexts();
    const index = headers.findIndex((text) => text.trim().toLowerCase() === label.toLowerCase());
    expect(index, `column ${label} among ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
    const texts: string[] = [];
    for (let position = 0; position < count; position++) {
      await expect(this.row(position)).not.toHaveAttribute("aria-busy", "true");
      texts.push(await this.row(position).getByRole("gridcell").nth(index).innerText());
    }
    return texts;
  }

  /** Clicks a header's sort button, which cycles ascending → descending → none. */
  async sortBy(label: string) {
    await this.grid.getByRole("columnheader", { name: label }).getByRole("button").click();
  }

  /** The count the status shows once it has settled: `12` of `12 of 50 records match`. */
  async settledCount(): Promise<number> {
    await expect(this.count).not.toHaveAttribute("aria-busy", "true");
    return Number((await this.count.innerText()).replace(/,/g, "").match(/^\d+/)![0]);
  }

  condition(group: number, condition: number): Locator {
    return this.filter.getByRole("group", { name: `Condition ${condition} of group ${group}`, exact: true });
  }
}
