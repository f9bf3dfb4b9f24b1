import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
import { BatchResponseBody, RunListResponseBody, type WorkflowNodeInput } from "@/lib/contract";
import { graph, tmpl } from "../runs/support";
import { EditorPage } from "../workflows/editor.page";

/** start → create a demo contact from the record (a bad email fails at the demo, HTTP 400) → end with its id and email. */
export function contactGraph(connectorUuid: string): WorkflowNodeInput[] {
  return graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["create"] },
    {
      kind: "connector",
      integrationSlug: "demo_crm",
      connectorUuid,
      slug: "create",
      name: "Create contact",
      actionSlug: "createRecord",
      config: { objectType: "contacts", fields: { email: tmpl("{{nodes.start.email}}"), firstName: tmpl("{{nodes.start.name}}") } },
      children: ["end"],
    },
    {
      slug: "end",
      kind: "native",
      actionSlug: "end",
      config: { variables: [{ name: "contactId", type: "any", value: tmpl("{{nodes.create.id}}") }, { name: "email", type: "any", value: tmpl("{{nodes.start.email}}") }] },
    },
  );
}

/** start → end, the end returning each record's name as `variable`. */
export function nameGraph(variable: string): WorkflowNodeInput[] {
  return graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["end"] },
    { slug: "end", kind: "native", actionSlug: "end", config: { variables: [{ type: "any", name: variable, value: tmpl("{{nodes.start.name}}") }] } },
  );
}

/** `count` people with emails no earlier run used; those `bad` picks get an email the demo refuses. */
export function people(count: number, bad: (index: number) => boolean = () => false) {
  const tag = Date.now().toString(36);
  return Array.from({ length: count }, (_, index) => ({
    id: `p${index + 1}`,
    name: `Person ${index + 1}`,
    email: bad(index) ? `not-an-email-${index}` : `person${index + 1}.${tag}@example.com`,
  }));
}

export async function getBatch(request: APIRequestContext, uuid: string) {
  const response = await request.get(`/api/v1/orchestration/batches/${uuid}`);
  expect(response.status(), await response.text()).toBe(200);
  return BatchResponseBody.parse(await response.json()).batch;
}

/** Every run of the batch, the ones a retry replaced included. */
export async function batchRuns(request: APIRequestContext, uuid: string) {
  const response = await request.get(`/api/v1/orchestration/runs/list?batchUuid=${uuid}&limit=500`);
  expect(response.status(), await response.text()).toBe(200);
  return RunListResponseBody.parse(await response.json()).runs;
}

export function parseCsv(text: string) {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
}

type Source = "Pasted records" | "CSV file" | "Segment" | "Filter";

/** The "Run on records" dialog (from the editor's Runs tab) or page (`/batches/new`). */
export class RunOnRecordsForm {
  readonly form: Locator;
  readonly records: Locator;
  readonly run: Locator;

  constructor(readonly scope: Page | Locator) {
    this.form = scope.getByRole("form", { name: "Run on records" });
    this.records = this.form.getByLabel("Records", { exact: true });
    this.run = this.form.getByRole("button", { name: /^(Run on \d+ records?|Run batch|Starting…)$/ });
  }

  source(name: Source): Locator {
    return this.form.getByRole("radio", { name });
  }

  /** Clicks a source's segment of the control, as a person does (the radio itself is visually hidden). */
  async chooseSource(name: Source) {
    await this.form.getByRole("group", { name: "Records from" }).locator("label", { hasText: name }).click();
    await expect(this.source(name)).toBeChecked();
  }
}

/** Opens the workflow in the editor and "Run on records…" from its Runs tab: the dialog's form. */
export async function openRunOnRecordsDialog(page: Page, workflowUuid: string) {
  await new EditorPage(page).goto(workflowUuid);
  await page.getByRole("tab", { name: "Runs" }).click();
  await page.getByRole("button", { name: "Run on records…" }).click();
  return new RunOnRecordsForm(page.getByRole("dialog", { name: "Run on records" }));
}

/** `/batches/[uuid]`. */
export class BatchPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly canvas: Locator;
  readonly failed: Locator;
  readonly download: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.status = this.heading.locator("[data-status]");
    this.progress = page.getByRole("progressbar", { name: "Batch progress" });
    this.canvas = page.getByTestId("batch-canvas");
    this.failed = page.getByRole("list", { name: "Failed records" });
    this.download = page.getByRole("link", { name: "Download CSV" });
    this.cancel = page.getByRole("button", { name: "Cancel batch" });
  }

  /** The counts drawn on the graph node `slug`. */
  nodeCounts(slug: string): Locator {
    return this.canvas.getByTestId(`node-counts-${slug}`);
  }

  fact(name: "Succeeded" | "Failed" | "Total" | "Rate" | "Time left" | "Took"): Locator {
    return this.page.getByTestId(`batch-${name.toLowerCase().replace(/ /g, "-")}`);
  }

  uuid(): string {
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  async expectFinished(done: number, total: number) {
    await expect(this.progress).toHaveAttribute("aria-valuemax", String(total));
    await expect(this.progress).toHaveAttribute("aria-valuenow", String(done), { timeout: 20_000 });
    await expect(this.status).toHaveAttribute("data-status", "success", { timeout: 20_000 });
  }
}
