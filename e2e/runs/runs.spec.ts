import { expect, test } from "../fixtures";
import { RunPage, RunsPage } from "./runs.page";
import { createDemoConnector, createWorkflow, delayGraph, failingGraph, getRun, signupGraph, startRun, uniqueName } from "./support";

test.describe("runs pages", () => {
  test("a finished run is listed in /runs and its page shows each execution, the output and the computed configs", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const workflow = await createWorkflow(request, uniqueName("Signup"), signupGraph(connector.uuid));
    const email = `ada.${Date.now()}@example.com`;
    const run = await startRun(request, workflow.uuid, { email, vip: true }, { wait: true });
    expect(run.status).toBe("success");

    const runs = new RunsPage(page);
    await runs.goto();
    const row = runs.row(run.uuid);
    await expect(row).toContainText(workflow.name);
    await expect(row).toContainText("Succeeded");
    await expect(row.locator("time")).toHaveAttribute("title", run.createdAt);

    // The status filter lives in the URL and hides runs of other statuses.
    await runs.status.selectOption("error");
    await expect(page).toHaveURL(/\?status=error$/);
    await expect(runs.row(run.uuid)).toHaveCount(0);
    await runs.status.selectOption("");
    await expect(page).toHaveURL(/\/runs$/);
    await runs.row(run.uuid).getByRole("link", { name: workflow.name }).click();

    const detail = new RunPage(page);
    await expect(page).toHaveURL(`/runs/${run.uuid}`);
    await expect(detail.heading).toContainText(workflow.name);
    await expect(detail.heading).toContainText("Succeeded");
    await expect(detail.executions.getByRole("listitem")).toHaveCount(4);
    const order = await detail.executions.getByRole("listitem").evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
    expect(order).toEqual(["start", "create", "check", "vip"]);
    await expect(detail.execution("create")).toContainText("Create contact");
    await expect(detail.execution("create")).toContainText("demo_crm · createRecord");
    await expect(detail.execution("create")).toContainText(/contact \S+ created/i);
    await expect(detail.execution("check")).toContainText("Yes");

    const create = await detail.expand("create");
    await expect(create.config).toContainText(`"email": "${email}"`);
    await expect(create.config).toContainText('"objectType": "contacts"');
    const { runContext } = await getRun(request, run.uuid);
    const contactId = (runContext.create as { id: string }).id;
    await expect(create.output).toContainText(`"id": "${contactId}"`);

    await expect(detail.section("Input data")).toContainText(`"email": "${email}"`);
    await expect(detail.section("Output")).toContainText('"tier": "vip"');
    await expect(detail.section("Output")).toContainText(`"contactId": "${contactId}"`);
    await expect(page.getByRole("link", { name: "Open in editor" })).toHaveAttribute("href", `/workflows/${workflow.uuid}`);
  });

  test("a waiting run is cancelled from its page: the run and the node it was on end cancelled", async ({ page, request }) => {
    const workflow = await createWorkflow(request, uniqueName("Patience"), delayGraph(5));
    const run = await startRun(request, workflow.uuid, {});
    const detail = new RunPage(page);
    await detail.goto(run.uuid);
    await expect(detail.heading).toContainText("Running");
    await expect(detail.execution("wait")).toBeVisible();
    await detail.cancelButton.click();
    await expect(detail.heading).toContainText("Cancelled");
    await expect(detail.cancelButton).toHaveCount(0);
    await expect(detail.execution("wait").getByRole("img", { name: "Cancelled" })).toBeVisible();
    await expect(detail.execution("done")).toHaveCount(0);
    expect((await getRun(request, run.uuid)).run.status).toBe("cancelled");
  });

  test("a failing run shows its error on the run page and in the list", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const message = `The CRM said no ${Date.now()}`;
    const workflow = await createWorkflow(request, uniqueName("Doomed"), failingGraph(connector.uuid, message));
    const run = await startRun(request, workflow.uuid, {}, { wait: true });
    expect(run.status).toBe("error");

    const detail = new RunPage(page);
    await detail.goto(run.uuid);
    await expect(detail.heading).toContainText("Failed");
    await expect(page.getByRole("alert").filter({ hasText: "The run failed" })).toContainText(message);
    await expect(detail.execution("explode")).toContainText(message);
    await expect(detail.execution("explode").getByRole("img", { name: "Failed" })).toBeVisible();
    await expect(detail.section("Output")).toContainText("did not reach an end node");

    const runs = new RunsPage(page);
    await runs.goto("?status=error");
    await expect(runs.status).toHaveValue("error");
    await expect(runs.row(run.uuid)).toContainText("Failed");
    await expect(runs.row(run.uuid)).toContainText(message);
  });

  test("an unknown run says so", async ({ page }) => {
    await page.goto("/runs/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("region", { name: "Run not found" })).toBeVisible();
    await page.goto("/runs/not-a-uuid");
    await expect(page.getByRole("region", { name: "Run not found" })).toBeVisible();
  });
});
