import { expect, test } from "./fixtures";
import { createCsvModel, createDataset, createDemoConnector, getModel, ModelPage, uniqueName } from "./support/records";
import { screenshotBothThemes } from "./support/screenshots";
import { createLargeModel, recordFetches } from "./support/large-model";

test.describe("models and the records browser", () => {
  test("a model from the demo extractor: preview, create, sync, sort, filter, open a record, save a segment", async ({ page, request }) => {
    test.setTimeout(90_000);
    const connector = await createDemoConnector(request);
    const name = uniqueName("Companies");

    await page.goto("/models");
    await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
    await page.getByRole("link", { name: "New model" }).first().click();
    await expect(page).toHaveURL(/\/models\/new$/);

    await page.getByRole("radio", { name: /A connector's extractor/ }).check();
    await page.getByLabel("Connector", { exact: true }).selectOption({ label: `${connector.name} (demo_crm)` });
    await page.getByLabel("Extractor", { exact: true }).selectOption({ label: "Records" });
    await page.getByLabel("Object").selectOption("companies");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("status")).toHaveText(/^\d+ records to sync$/);
    const previewed = Number((await preview.getByRole("status").innerText()).match(/\d+/)![0]);
    expect(previewed).toBeGreaterThan(1);
    await expect(preview.getByRole("table").getByRole("row").nth(1)).toContainText("com_");

    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Records (companies)");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create model" }).click();
    await expect(page).toHaveURL(/\/models\/[0-9a-f-]{36}$/);

    const model = new ModelPage(page);
    await expect(model.heading).toHaveText(name);
    await expect(model.syncs.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
    await expect(model.count).toHaveText(`${previewed} records`);
    await expect(model.row(0)).toContainText("com_");
    await expect(model.rows()).not.toHaveCount(0);

    // Sorting: ascending, then descending, then back to none.
    const header = model.grid.getByRole("columnheader", { name: "Employee count" });
    await model.sortBy("Employee count");
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect
      .poll(async () => {
        const sizes = (await model.columnTexts("Employee count", 5)).map((text) => Number(text.replace(/,/g, "")));
        return sizes.every((size, i) => i === 0 || sizes[i - 1]! <= size);
      })
      .toBe(true);
    await model.sortBy("Employee count");
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await model.sortBy("Employee count");
    await expect(header).toHaveAttribute("aria-sort", "none");

    // A string condition narrows the count, and the JSON shows Cargo's filter.
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("button", { name: "Add condition" }).click();
    const condition = model.condition(1, 1);
    await condition.getByLabel("Column").selectOption({ label: "Industry" });
    await condition.getByLabel("Operator").selectOption({ label: "is" });
    await condition.getByLabel("Value").fill("software");
    await expect(model.count).toHaveText(/^\d+ of \d+ records match$/);
    await expect.poll(() => model.settledCount()).toBeLessThan(previewed);
    const matching = await model.settledCount();
    expect(matching).toBeGreaterThan(0);
    await expect(model.filterJson).toHaveValue(/"conjonction": "and"/);
    await expect(model.filterJson).toHaveValue(/"values": "software"/);
    for (const industry of await model.columnTexts("Industry", Math.min(matching, 3))) expect(industry).toBe("software");

    // JSON that does not parse is explained and changes nothing.
    await model.filterJson.fill('{"conjonction": "and", ');
    await expect(model.filter.getByText(/Not valid JSON/)).toBeVisible();
    await expect(model.count).toHaveText(`${matching} of ${previewed} records match`);
    await model.filterJson.fill(JSON.stringify({ conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "industry", operator: "is", values: "software" }] }] }));
    await expect(model.filter.getByText(/Not valid JSON/)).toHaveCount(0);

    // A row opens the record in a drawer; Escape closes it.
    const title = await model.columnTexts("Name", 1);
    await model.row(0).click();
    await expect(model.drawer.getByRole("heading", { name: title[0] })).toBeVisible();
    await expect(model.drawer.getByText("Industry", { exact: true })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(model.drawer).toBeHidden();

    // Save as segment; it is listed, loaded, and the API has its filter.
    const segmentName = uniqueName("Software companies");
    await page.getByRole("button", { name: "Save as segment" }).click();
    await page.getByLabel("Segment name").fill(segmentName);
    await page.getByRole("button", { name: "Save segment" }).click();
    await expect(model.segments.getByRole("button", { name: segmentName, exact: true })).toHaveAttribute("aria-pressed", "true");
    const modelUuid = page.url().split("/").at(-1)!;
    const { segments } = await (await request.get(`/api/v1/segmentation/segments/list?modelUuid=${modelUuid}`)).json();
    expect(segments).toEqual([expect.objectContaining({ name: segmentName, filter: expect.objectContaining({ groups: [expect.objectContaining({ conditions: [expect.objectContaining({ columnSlug: "industry", values: "software" })] })] }) })]);

    await model.segments.getByRole("button", { name: "All records" }).click();
    await expect(model.count).toHaveText(`${previewed} records`);
    await model.segments.getByRole("button", { name: segmentName, exact: true }).click();
    await expect(model.count).toHaveText(`${matching} of ${previewed} records match`);
    // A loaded segment can be run on: the batch form opens with it chosen.
    await expect(page.getByRole("link", { name: "Run a workflow on this segment" })).toHaveAttribute("href", `/batches/new?segmentUuid=${segments[0].uuid}`);
    // Its page: how many records it holds, its filter, and (none yet) the changes syncs made in it.
    await page.getByRole("link", { name: "Segment changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: segmentName })).toBeVisible();
    await expect(page.getByRole("status", { name: "Segment size" })).toHaveText(`${matching} of ${previewed} records of ${name}`);
    await expect(page.getByRole("region", { name: "Filter" })).toContainText('"columnSlug": "industry"');
    await expect(page.getByRole("region", { name: "Changes by sync" })).toContainText("No sync has changed this segment yet.");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" })).toHaveAttribute("aria-current", "page");
    await page.getByRole("link", { name }).click();
    await model.segments.getByRole("button", { name: segmentName, exact: true }).click();

    // The list shows it with its source and last sync.
    await page.getByRole("link", { name: "Models", exact: true }).first().click();
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Demo CRM · Records");
    await expect(row).toContainText("Succeeded");
  });

  test("a model from a CSV: the upload counts rows and names the bad ones by line", async ({ page }) => {
    const name = uniqueName("Leads");
    await page.goto("/models/new");
    await page.getByRole("radio", { name: /A CSV file/ }).check();
    const csv = ["email,score,active", "ada@example.com,10,true", "grace@example.com,20,false", "one,cell,too,many", "linus@example.com,5,true"].join("\n");
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const uploaded = page.getByRole("region", { name: "Uploaded file" });
    await expect(uploaded.getByRole("status")).toContainText("leads.csv");
    await expect(uploaded.getByRole("status")).toContainText("3 rows · 3 columns");
    await expect(uploaded.getByRole("list", { name: "Columns" })).toContainText("score");
    await expect(uploaded.getByRole("list", { name: "Row errors" }).getByRole("listitem")).toHaveText([/^Line 4: /]);

    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("leads");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create model" }).click();
    const model = new ModelPage(page);
    await expect(model.heading).toHaveText(name);
    await expect(model.syncs).toHaveCount(0);
    await expect(model.row(0)).toContainText("@example.com");
  });

  test("an error from the server is shown, and Preview can be pressed again", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    await page.route(
      (url) => url.pathname === "/api/v1/storage/extractors/preview",
      (route) => route.fulfill({ status: 504, json: { errorMessage: "The integration server did not answer within 2 s" } }),
    );
    await page.goto("/models/new");
    await page.getByRole("radio", { name: /A connector's extractor/ }).check();
    await page.getByLabel("Connector", { exact: true }).selectOption({ label: `${connector.name} (demo_crm)` });
    await page.getByLabel("Extractor", { exact: true }).selectOption({ label: "Records" });
    await page.getByLabel("Object").selectOption("deals");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Could not preview the extractor" })).toContainText("did not answer within 2 s");
    await expect(page.getByRole("button", { name: "Preview" })).toBeEnabled();
    await expect(page.getByRole("button", { name: "Create model" })).toHaveCount(0);
  });
});

test.describe("model settings", () => {
  test("a CSV model renamed and moved to another dataset, then to a new one: a reload shows them, and a refusal is shown in the server's words", async ({ page, request }) => {
    test.setTimeout(60_000);
    const [leads, archive] = [await createDataset(request, uniqueName("Leads")), await createDataset(request, uniqueName("Archive"))];
    const created = await createCsvModel(request, uniqueName("Signups"), ["email,score", "ada@example.com,10", "grace@example.com,20"], leads.uuid);
    await page.goto(`/models/${created.uuid}`);
    const model = new ModelPage(page);
    await expect(model.heading).toHaveText(created.name);
    await model.openSettings();
    const { settings } = model;
    const name = settings.getByLabel("Name", { exact: true });
    const dataset = settings.getByLabel("Dataset", { exact: true });
    const save = settings.getByRole("button", { name: "Save" });
    await expect(name).toBeFocused();
    await expect(name).toHaveValue(created.name);
    await expect(dataset).toHaveValue(leads.uuid);
    // A model of a file is not synced: neither schedule nor extractor config.
    await expect(settings.getByLabel("Sync on a schedule")).toHaveCount(0);
    await expect(settings.getByRole("group", { name: "Extractor config" })).toHaveCount(0);

    await name.fill(" ");
    await save.click();
    await expect(settings.getByRole("alert")).toHaveText("Give the model a name.");
    await expect(name).toHaveAttribute("aria-invalid", "true");

    const modelUrl = (url: URL) => url.pathname === `/api/v1/storage/models/${created.uuid}`;
    await page.route(modelUrl, (route) =>
      route.request().method() === "PUT" ? route.fulfill({ status: 409, json: { errorMessage: "Another operator changed this model a moment ago" } }) : route.fallback(),
    );
    const renamed = uniqueName("Signups renamed");
    await name.fill(renamed);
    await dataset.selectOption({ label: archive.name });
    await save.click();
    await expect(settings.getByRole("alert").filter({ hasText: "Could not save the settings" })).toContainText("Another operator changed this model a moment ago");
    await screenshotBothThemes(page, settings, "model-settings-csv-error");
    await page.unroute(modelUrl);
    await save.click();
    await expect(settings).toBeHidden();
    await expect(model.heading).toHaveText(renamed);

    await page.reload();
    await expect(model.heading).toHaveText(renamed);
    await model.openSettings();
    await expect(name).toHaveValue(renamed);
    await expect(dataset).toHaveValue(archive.uuid);
    expect(await getModel(request, created.uuid)).toMatchObject({ name: renamed, datasetUuid: archive.uuid });

    const fresh = uniqueName("Leads 2024");
    await dataset.selectOption({ label: "New dataset…" });
    await settings.getByLabel("Dataset name").fill(fresh);
    await save.click();
    await expect(settings).toBeHidden();
    const { datasets } = (await (await request.get("/api/v1/storage/datasets/list")).json()) as { datasets: { uuid: string; name: string }[] };
    const made = datasets.find((candidate) => candidate.name === fresh);
    expect(made, `a dataset named ${fresh}`).toBeTruthy();
    expect((await getModel(request, created.uuid)).datasetUuid).toBe(made!.uuid);
    await page.reload();
    await model.openSettings();
    await expect(dataset).toHaveValue(made!.uuid);
  });

  test("a synced model: name, dataset, schedule and extractor config saved, and the next sync starts from scratch", async ({ page, request }) => {
    test.setTimeout(90_000);
    const connector = await createDemoConnector(request);
    const crm = await createDataset(request, uniqueName("CRM"));
    const response = await request.post("/api/v1/storage/models", {
      data: { name: uniqueName("Companies"), extractor: { connectorUuid: connector.uuid, extractorSlug: "records", config: { objectType: "companies", pageSize: 20 } } },
    });
    expect(response.status(), await response.text()).toBe(200);
    const { model: created } = (await response.json()) as { model: { uuid: string; name: string } };
    await page.goto(`/models/${created.uuid}`);
    const model = new ModelPage(page);
    await expect(model.syncs.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });

    await model.openSettings();
    const { settings } = model;
    const config = settings.getByRole("group", { name: "Extractor config" });
    // The form's select holds an enum's index; what it shows is the option.
    const objectType = config.getByLabel("Object").locator("option:checked");
    const schedule = settings.getByLabel("Sync on a schedule");
    const fromScratch = settings.getByRole("alert").filter({ hasText: "The next sync starts from scratch" });
    await expect(objectType).toHaveText("companies");
    await expect(schedule).not.toBeChecked();
    await expect(settings).toContainText("Synced every minute");
    await expect(fromScratch).toHaveCount(0);

    const renamed = uniqueName("Deals");
    await settings.getByLabel("Name", { exact: true }).fill(renamed);
    await settings.getByLabel("Dataset", { exact: true }).selectOption({ label: crm.name });
    await schedule.check();
    await config.getByLabel("Object").selectOption("deals");
    await expect(fromScratch).toBeVisible();
    // A config the extractor's schema refuses is named under its field, and nothing is saved.
    await config.getByLabel("Page size").fill("500");
    await settings.getByRole("button", { name: "Save" }).click();
    await expect(config.getByText(/<= 100/)).toBeVisible();
    expect((await getModel(request, created.uuid)).name).toBe(created.name);
    await config.getByLabel("Page size").fill("50");
    await expect(config.getByText(/<= 100/)).toHaveCount(0);
    await screenshotBothThemes(page, settings, "model-settings-extractor");
    await settings.getByRole("button", { name: "Save" }).click();
    await expect(settings).toBeHidden();
    await expect(model.heading).toHaveText(renamed);
    await expect(page.getByText("(deals)")).toBeVisible();

    await page.reload();
    await expect(model.heading).toHaveText(renamed);
    await expect(page.getByRole("switch", { name: "Sync on schedule" })).toHaveAttribute("aria-checked", "true");
    await model.openSettings();
    await expect(settings.getByLabel("Name", { exact: true })).toHaveValue(renamed);
    await expect(settings.getByLabel("Dataset", { exact: true })).toHaveValue(crm.uuid);
    await expect(schedule).toBeChecked();
    await expect(objectType).toHaveText("deals");
    await expect(config.getByLabel("Page size")).toHaveValue("50");
    expect(await getModel(request, created.uuid)).toMatchObject({
      name: renamed,
      datasetUuid: crm.uuid,
      isSyncScheduled: true,
      extractor: { config: { objectType: "deals", pageSize: 50 } },
    });
    await settings.getByRole("button", { name: "Cancel" }).click();
    await expect(settings).toBeHidden();

    // The first sync left a cursor; the new config dropped it, so this sync is not resumed from it.
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect
      .poll(async () => ((await (await request.get(`/api/v1/storage/models/${created.uuid}/syncs/list`)).json()) as { syncs: { status: string; isResumed: boolean }[] }).syncs[0], {
        timeout: 30_000,
      })
      .toMatchObject({ status: "success", isResumed: false });
  });
});

test.describe("records table at scale", () => {
  test("100,000 records: only rows in view are in the page, blocks load by offset as it scrolls, keys move and open rows", async ({ page, request }) => {
    test.setTimeout(180_000);
    const { uuid } = await createLargeModel(request, 100_000);
    const fetches = recordFetches(page);
    await page.goto(`/models/${uuid}`);
    const model = new ModelPage(page);
    await expect(model.count).toHaveText("100,000 records");
    await expect(model.row(0)).toContainText("Record 0");
    expect(await model.rows().count()).toBeLessThan(60);
    await expect(model.grid).toHaveAttribute("aria-rowcount", "100001");

    // Typed cells: numbers right-aligned, booleans as ✓ and —.
    await expect(model.row(0).getByRole("gridcell").nth(3)).toHaveText("✓");
    await expect(model.row(1).getByRole("gridcell").nth(3)).toHaveText("—");
    await expect(model.row(1).getByRole("gridcell").nth(2).locator("span")).toHaveCSS("text-align", "right");

    // Jump to the middle: the block there is fetched by offset, none of those passed on the way.
    await model.grid.evaluate((grid) => grid.parentElement!.scrollTo({ top: 50_000 * 36 }));
    await expect(model.row(50_000)).toContainText("Record 50000");
    expect(fetches.every((fetch) => fetch.limit === 200 && fetch.offset % 200 === 0)).toBe(true);
    expect(fetches.length).toBeLessThan(10);
    expect(await model.rows().count()).toBeLessThan(60);

    // Keyboard: End goes to the last record, Enter opens it, Escape closes it.
    await model.row(50_000).focus();
    await page.keyboard.press("ArrowDown");
    await expect(model.row(50_001)).toBeFocused();
    await page.keyboard.press("End");
    await expect(model.row(99_999)).toBeFocused();
    await expect(model.row(99_999)).toContainText("Record 99999");
    await page.keyboard.press("Enter");
    await expect(model.drawer.getByRole("heading", { name: "Record 99999" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(model.drawer).toBeHidden();
    await expect(model.row(99_999)).toBeFocused();

    // Sorting asks the server again from the top.
    await model.sortBy("Id");
    await expect(model.grid.getByRole("columnheader", { name: "Id" })).toHaveAttribute("aria-sort", "ascending");
    await model.sortBy("Id");
    await expect(model.row(0)).toContainText("Record 99999");
    expect(fetches.at(-1)).toMatchObject({ offset: 0, sort: [{ columnSlug: "id", kind: "desc" }] });
  });
});
