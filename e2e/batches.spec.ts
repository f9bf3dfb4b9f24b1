import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { E2E_APP_PORT } from "./ports";
import { createDemoConnector, createWorkflow, delayGraph, uniqueName } from "./runs/support";
import { BatchPage, batchRuns, contactGraph, getBatch, nameGraph, openRunOnRecordsDialog, parseCsv, people, RunOnRecordsForm } from "./support/batches";
import { createCsvModel } from "./support/records";
import { screenshotBothThemes } from "./support/screenshots";
import { EditorPage } from "./workflows/editor.page";

const SCREENSHOTS = process.env.BATCH_SCREENSHOTS_DIR;

test.describe("batches", () => {
  test("from the editor's Runs tab: paste 5 records, run, watch the batch finish, see the node counts, download the CSV", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const workflow = await createWorkflow(request, uniqueName("Contacts batch"), contactGraph(connector.uuid));
    const records = people(5);

    const editor = new EditorPage(page);
    await editor.goto(workflow.uuid);
    await page.getByRole("tab", { name: "Runs" }).click();
    if (SCREENSHOTS) await page.getByRole("complementary", { name: "Details" }).screenshot({ path: `${SCREENSHOTS}/editor-runs-tab.png` });
    await page.getByRole("button", { name: "Run on records…" }).click();
    const dialog = page.getByRole("dialog", { name: "Run on records" });
    await expect(dialog).toBeVisible();
    const form = new RunOnRecordsForm(dialog);
    await expect(form.source("Pasted records")).toBeChecked();
    await expect(form.records).toBeFocused();

    // Bad JSON is explained at the field, and nothing starts.
    await form.records.fill('[{"id": "p1",');
    await form.run.click();
    await expect(dialog.getByRole("alert")).toContainText("not valid JSON");
    await expect(form.records).toHaveAttribute("aria-invalid", "true");

    await form.records.fill(JSON.stringify(records, null, 2));
    await expect(dialog).toContainText("5 records: one run each.");
    if (SCREENSHOTS) await dialog.screenshot({ path: `${SCREENSHOTS}/batch-dialog.png` });
    await expect(form.run).toHaveText("Run on 5 records");
    await form.run.click();

    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    const batch = new BatchPage(page);
    await expect(batch.heading).toContainText(workflow.name);
    await expect(batch.heading.getByRole("link", { name: workflow.name })).toHaveAttribute("href", `/workflows/${workflow.uuid}`);
    await batch.expectFinished(5, 5);
    await expect(batch.progress).toHaveAttribute("aria-valuetext", "5 of 5 runs done, 0 failed");
    await expect(batch.status).toHaveText("Succeeded");
    await expect(batch.fact("Succeeded")).toHaveText("5");
    await expect(batch.fact("Failed")).toHaveText("0");
    await expect(batch.fact("Total")).toHaveText("5");
    await expect(batch.fact("Rate")).toHaveText(/\/(s|min)$/);
    await expect(batch.cancel).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Failed records" })).toContainText("No run has failed.");

    // Each node with its counts on the read-only graph.
    for (const slug of ["start", "create", "end"]) {
      await expect(batch.nodeCounts(slug)).toContainText("5 succeeded");
      await expect(batch.nodeCounts(slug)).toContainText("0 failed");
    }
    await expect(batch.canvas.getByRole("group", { name: "Create contact: 5 succeeded, 0 failed" })).toBeVisible();
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/batch-page.png`, fullPage: true });

    // The CSV: one row per record, the end node's output as columns; the create node's on request.
    const [download] = await Promise.all([page.waitForEvent("download"), batch.download.click()]);
    const csv = parseCsv(await readFile((await download.path())!, "utf8"));
    expect(csv.data).toHaveLength(5);
    expect(csv.meta.fields).toEqual(["_record_id", "_record_title", "_run_status", "_error_message", "contactId", "email"]);
    expect(csv.data.map((row) => row._record_id).sort()).toEqual(["p1", "p2", "p3", "p4", "p5"]);
    expect(csv.data.find((row) => row._record_id === "p3")).toMatchObject({ _record_title: "Person 3", _run_status: "success", email: records[2]!.email });

    await page.getByLabel("Columns from").selectOption("create");
    const href = await batch.download.getAttribute("href");
    expect(href).toBe(`/api/v1/orchestration/batches/${batch.uuid()}/download?outputNodeSlug=create`);
    const byNode = await request.get(href!);
    expect(byNode.headers()["content-type"]).toContain("text/csv");
    const createCsv = parseCsv(await byNode.text());
    expect(createCsv.data).toHaveLength(5);
    expect(createCsv.meta.fields).toEqual(expect.arrayContaining(["id", "email", "firstName"]));

    // The batch is listed, newest first.
    await page.getByRole("link", { name: "Batches", exact: true }).first().click();
    await expect(page).toHaveURL("/batches");
    const row = page.getByRole("row").filter({ hasText: workflow.name });
    await expect(row).toContainText("Succeeded");
    await expect(row).toContainText("5 / 5 done");
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/batches-list.png` });
  });

  test("failing records: listed with their errors and runs, and Retry failed makes new runs for them only", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const workflow = await createWorkflow(request, uniqueName("Failing batch"), contactGraph(connector.uuid));
    const records = people(5, (index) => index === 1 || index === 3);

    // Pasted as CSV this time, from /batches/new with the workflow to choose.
    await page.goto("/batches/new");
    const form = new RunOnRecordsForm(page);
    await form.form.getByLabel("Workflow").selectOption({ label: workflow.name });
    const csvText = ["id,name,email", ...records.map((record) => `${record.id},${record.name},${record.email}`)].join("\n");
    await form.records.fill(csvText);
    await expect(form.run).toHaveText("Run on 5 records");
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/batch-new-page.png` });
    await form.run.click();

    const batch = new BatchPage(page);
    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    await batch.expectFinished(5, 5);
    await expect(batch.status).toHaveText("Finished with failures");
    await expect(batch.progress).toHaveAttribute("aria-valuetext", "5 of 5 runs done, 2 failed");
    await expect(batch.nodeCounts("create")).toContainText("3 succeeded");
    await expect(batch.nodeCounts("create")).toContainText("2 failed");
    await expect(batch.nodeCounts("end")).toContainText("3 succeeded");

    // The failed records, one click away from the progress bar.
    await batch.fact("Failed").getByRole("link", { name: "2" }).click();
    await expect(page).toHaveURL(/#failed-records$/);
    await expect(batch.failed.getByRole("listitem")).toHaveCount(2);
    const person2 = batch.failed.getByRole("listitem", { name: "Person 2" });
    await expect(person2).toContainText(/email/i);
    await expect(batch.failed.getByRole("listitem", { name: "Person 4" })).toBeVisible();
    const firstRunHref = await person2.getByRole("link", { name: "Open the run of Person 2" }).getAttribute("href");
    expect(firstRunHref).toMatch(/^\/runs\/[0-9a-f-]{36}$/);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/batch-page-failures.png`, fullPage: true });

    const uuid = batch.uuid();
    expect(await batchRuns(request, uuid)).toHaveLength(5);
    await page.getByRole("button", { name: "Retry 2 failed" }).click();
    await expect.poll(async () => (await batchRuns(request, uuid)).length).toBe(7);
    const retried = (await batchRuns(request, uuid)).filter((run) => run.recordId === "p2" || run.recordId === "p4");
    expect(retried).toHaveLength(4);
    await batch.expectFinished(5, 5);
    expect(await getBatch(request, uuid)).toMatchObject({ runsCount: 5, executedRunsCount: 5, failedRunsCount: 2 });
    // The list shows the new runs (the bad emails fail again), not the ones they replaced.
    await expect(person2.getByRole("link", { name: "Open the run of Person 2" })).not.toHaveAttribute("href", firstRunHref!);
    await expect(batch.failed.getByRole("listitem")).toHaveCount(2);

    await person2.getByRole("link", { name: "Open the run of Person 2" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Failed");
  });

  test("a segment's records from /batches/new?segmentUuid, and a CSV file uploaded in the dialog", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const workflow = await createWorkflow(request, uniqueName("Segment batch"), contactGraph(connector.uuid));
    const records = people(4);
    const csv = `${["id,name,email", ...records.map((record) => `${record.id},${record.name},${record.email}`)].join("\n")}\n`;
    const upload = await request.post("/api/v1/workspace/files", {
      headers: { origin: `http://127.0.0.1:${E2E_APP_PORT}` },
      multipart: { file: { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
    });
    expect(upload.status(), await upload.text()).toBe(200);
    const modelResponse = await request.post("/api/v1/storage/models", { data: { name: uniqueName("People"), fileUuid: (await upload.json()).file.uuid } });
    expect(modelResponse.status(), await modelResponse.text()).toBe(200);
    const { model } = await modelResponse.json();
    const segmentResponse = await request.post("/api/v1/segmentation/segments", {
      data: {
        modelUuid: model.uuid,
        name: "First three",
        filter: { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "id", operator: "is", values: ["p1", "p2", "p3"] }] }] },
      },
    });
    expect(segmentResponse.status(), await segmentResponse.text()).toBe(200);
    const { segment } = await segmentResponse.json();

    await page.goto(`/batches/new?segmentUuid=${segment.uuid}`);
    const form = new RunOnRecordsForm(page);
    await expect(form.source("Segment")).toBeChecked();
    await expect(form.form.getByRole("combobox", { name: "Model" })).toHaveValue(model.uuid);
    await expect(form.form.getByRole("combobox", { name: "Segment" })).toHaveValue(segment.uuid);
    await form.run.click();
    await expect(form.form.getByRole("alert")).toHaveText("Choose the workflow to run.");
    await form.form.getByLabel("Workflow").selectOption({ label: workflow.name });
    await form.run.click();
    const batch = new BatchPage(page);
    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    await batch.expectFinished(3, 3);
    await expect(page.getByText("a segment's records")).toBeVisible();

    // A CSV file from the editor's dialog: uploaded when chosen, its rows counted before running.
    const dialog = await openRunOnRecordsDialog(page, workflow.uuid);
    await dialog.chooseSource("CSV file");
    await dialog.form.getByLabel("CSV to upload").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}p5,Broken\n`) });
    await expect(dialog.form).toContainText("people.csv: 4 records, 1 row left out.");
    await dialog.run.click();
    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    await batch.expectFinished(4, 4);
  });

  test("a filter built in the dialog's builder: the batch runs on exactly the records that match, and a limit takes fewer", async ({ page, request }) => {
    const model = await createCsvModel(request, uniqueName("Scored people"), [
      "id,name,Score,Active",
      "p1,Ada,10,true",
      "p2,Grace,25,true",
      "p3,Linus,40,false",
      "p4,Alan,55,true",
      "p5,Edsger,70,true",
      "p6,Barbara,5,true",
    ]);
    const workflow = await createWorkflow(request, uniqueName("Filtered batch"), nameGraph("person"));
    const form = await openRunOnRecordsDialog(page, workflow.uuid);
    await form.chooseSource("Filter");
    await expect(form.form).toContainText("Choose a model, then build the filter its records must match.");
    await form.form.getByRole("combobox", { name: "Model" }).selectOption(model.uuid);

    // Score greater than 20 and Active is true: p2, p4 and p5, built in the records browser's builder.
    const builder = form.form.getByRole("region", { name: "Filter" });
    const status = form.form.getByRole("status", { name: "Matching records" });
    await expect(status).toHaveText("6 of 6 records match.");
    await builder.getByRole("button", { name: "Add condition" }).click();
    const score = builder.getByRole("group", { name: "Condition 1 of group 1", exact: true });
    await score.getByLabel("Column").selectOption({ label: "Score" });
    await score.getByLabel("Operator").selectOption({ label: "greater than" });
    // A condition without its value is refused, not left out: the batch would run on more records than meant.
    await form.run.click();
    await expect(form.form.getByRole("alert")).toHaveText("A condition has no value yet: fill it in or remove it.");
    await expect(page).toHaveURL(new RegExp(`/workflows/${workflow.uuid}$`));
    await score.getByLabel("Value").fill("20");
    await builder.getByRole("button", { name: "Add condition to group 1" }).click();
    await builder.getByRole("group", { name: "Condition 2 of group 1", exact: true }).getByLabel("Column").selectOption({ label: "Active" });
    await expect(builder.getByLabel("Filter JSON")).toHaveValue(/"operator": "greaterThan",\s+"value": 20/);
    await expect(builder.getByLabel("Filter JSON")).toHaveValue(/"columnSlug": "active",\s+"operator": "isTrue"/);
    await expect(status).toHaveText("3 of 6 records match.");
    await screenshotBothThemes(page, page.getByRole("dialog", { name: "Run on records" }), "batch-dialog-filter");
    await form.run.click();

    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    const batch = new BatchPage(page);
    await batch.expectFinished(3, 3);
    await expect(page.getByText("a model's records by filter")).toBeVisible();
    const runs = await batchRuns(request, batch.uuid());
    expect(runs.map((run) => run.recordId).sort()).toEqual(["p2", "p4", "p5"]);
    expect((await getBatch(request, batch.uuid())).data).toMatchObject({
      kind: "filter",
      modelUuid: model.uuid,
      filter: {
        conjonction: "and",
        groups: [
          {
            conjonction: "and",
            conditions: [
              { kind: "number", columnSlug: "score", operator: "greaterThan", value: 20 },
              { kind: "boolean", columnSlug: "active", operator: "isTrue" },
            ],
          },
        ],
      },
    });

    // The JSON is editable, as in the records browser: pasted there, the builder follows; a limit takes the first 2.
    await page.goto(`/batches/new?workflowUuid=${workflow.uuid}`);
    const newBatch = new RunOnRecordsForm(page);
    await newBatch.chooseSource("Filter");
    await newBatch.form.getByRole("combobox", { name: "Model" }).selectOption(model.uuid);
    const filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "number", columnSlug: "score", operator: "greaterThan", value: 20 }, { kind: "boolean", columnSlug: "active", operator: "isTrue" }] }] };
    await newBatch.form.getByLabel("Filter JSON").fill(JSON.stringify(filter));
    await expect(newBatch.form.getByRole("group", { name: "Condition 2 of group 1", exact: true }).getByLabel("Column")).toHaveValue("active");
    await newBatch.form.getByLabel("Limit (optional)").fill("2");
    await expect(newBatch.form.getByRole("status", { name: "Matching records" })).toHaveText("3 of 6 records match; the batch runs on the first 2.");
    await newBatch.run.click();
    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    await batch.expectFinished(2, 2);
    const limited = (await batchRuns(request, batch.uuid())).map((run) => run.recordId);
    expect(limited).toHaveLength(2);
    for (const id of limited) expect(["p2", "p4", "p5"]).toContain(id);
  });

  test("the whole way: a model synced from the demo extractor, filtered and saved as a segment, run from the editor, the CSV downloaded", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const created = await request.post("/api/v1/storage/models", {
      data: { name: uniqueName("Companies"), extractor: { connectorUuid: connector.uuid, extractorSlug: "records", config: { objectType: "companies", pageSize: 20 } } },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { model } = await created.json();
    await page.goto(`/models/${model.uuid}`);
    const syncs = page.getByRole("region", { name: "Syncs" });
    await expect(syncs.getByText("Succeeded")).toBeVisible({ timeout: 20_000 });

    // A filter written in the builder's JSON, saved as a segment.
    await page.getByRole("button", { name: "Filter" }).click();
    const software = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "industry", operator: "is", values: "software" }] }] };
    await page.getByLabel("Filter JSON").fill(JSON.stringify(software));
    const counted = await request.post("/api/v1/segmentation/segments/fetch", { data: { modelUuid: model.uuid, filter: software, limit: 0 } });
    const matching = (await counted.json()).count as number;
    expect(matching).toBeGreaterThan(0);
    await expect(page.getByRole("status", { name: "Record count" })).toHaveText(new RegExp(`^${matching} of \\d+ records match$`));
    const segmentName = uniqueName("Software");
    await page.getByRole("button", { name: "Save as segment" }).click();
    await page.getByLabel("Segment name").fill(segmentName);
    await page.getByRole("button", { name: "Save segment" }).click();
    await expect(page.getByRole("list", { name: "Segments" }).getByRole("button", { name: segmentName, exact: true })).toHaveAttribute("aria-pressed", "true");

    // From the editor: Run on records → the segment.
    const workflow = await createWorkflow(request, uniqueName("Companies batch"), nameGraph("company"));
    const dialog = await openRunOnRecordsDialog(page, workflow.uuid);
    await dialog.chooseSource("Segment");
    await dialog.form.getByRole("combobox", { name: "Model" }).selectOption(model.uuid);
    await dialog.form.getByRole("combobox", { name: "Segment" }).selectOption({ label: segmentName });
    await dialog.run.click();

    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    const batch = new BatchPage(page);
    await batch.expectFinished(matching, matching);
    const [download] = await Promise.all([page.waitForEvent("download"), batch.download.click()]);
    const csv = parseCsv(await readFile((await download.path())!, "utf8"));
    expect(csv.data).toHaveLength(matching);
    expect(csv.meta.fields).toEqual(["_record_id", "_record_title", "_run_status", "_error_message", "company"]);
    for (const row of csv.data) expect(row).toMatchObject({ _run_status: "success", company: row._record_title });
  });

  test("a running batch shows its runs going, and Cancel batch stops them", async ({ page, request }) => {
    const workflow = await createWorkflow(request, uniqueName("Slow batch"), delayGraph(1));
    const created = await request.post("/api/v1/orchestration/batches", { data: { workflowUuid: workflow.uuid, data: { kind: "records", records: people(3) } } });
    expect(created.status(), await created.text()).toBe(200);
    const { batch: started } = await created.json();

    await page.goto(`/batches/${started.uuid}`);
    const batch = new BatchPage(page);
    await expect(batch.status).toHaveAttribute("data-status", "running");
    await expect(batch.progress).toHaveAttribute("aria-valuenow", "0");
    await expect(batch.fact("Time left")).toHaveText("Estimating…");
    await expect(batch.nodeCounts("wait")).toContainText("3 running");
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/batch-page-running.png`, fullPage: true });

    await batch.cancel.click();
    await expect(batch.status).toHaveAttribute("data-status", "cancelled");
    await expect(batch.cancel).toHaveCount(0);
    expect((await getBatch(request, started.uuid)).status).toBe("cancelled");
  });
});
