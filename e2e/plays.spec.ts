import type { APIRequestContext } from "@playwright/test";
import { PlayResponseBody, SegmentResponseBody, WorkflowResponseBody } from "@/lib/contract";
import { expect, test } from "./fixtures";
import { createCsvModel, uniqueName } from "./support/records";
import { screenshotBothThemes } from "./support/screenshots";
import { greetingGraph } from "./support/tools";

/** A CSV model of three people with a segment of the French ones. */
async function createSegmentedModel(request: APIRequestContext) {
  const model = await createCsvModel(request, uniqueName("Leads"), ["id,name,country", "1,Ada,FR", "2,Grace,US", "3,Marie,FR"]);
  const filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "country", operator: "is", values: "FR" }] }] };
  const response = await request.post("/api/v1/segmentation/segments", { data: { modelUuid: model.uuid, name: uniqueName("French"), filter } });
  expect(response.status(), await response.text()).toBe(200);
  return { model, segment: SegmentResponseBody.parse(await response.json()).segment };
}

/** A greeting workflow, deployed (v1.0.0) when `deploy`. */
async function createWorkflow(request: APIRequestContext, deploy: boolean) {
  const created = await request.post("/api/v1/orchestration/workflows", { data: { name: uniqueName("Welcome flow"), nodes: greetingGraph("Hello") } });
  expect(created.status(), await created.text()).toBe(200);
  const workflow = WorkflowResponseBody.parse(await created.json()).workflow;
  if (deploy) {
    const deployed = await request.post("/api/v1/orchestration/releases/deployDraft", { data: { workflowUuid: workflow.uuid } });
    expect(deployed.status(), await deployed.text()).toBe(200);
  }
  return workflow;
}

test.describe("plays", () => {
  test("a play is created through the dialog, listed, disabled and enabled, edited and deleted", async ({ page, request }) => {
    const { model, segment } = await createSegmentedModel(request);
    const workflow = await createWorkflow(request, true);
    const name = uniqueName("Welcome French leads");

    await page.goto("/plays");
    await page.getByRole("navigation").getByRole("link", { name: "Plays" }).waitFor();
    await page.getByRole("button", { name: "Create play" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create play" });
    await dialog.getByRole("combobox", { name: "Workflow" }).selectOption({ label: `${workflow.name} (v1.0.0)` });
    await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue(workflow.name);
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await expect(dialog.getByRole("combobox", { name: "Segment" })).toBeDisabled();
    await dialog.getByRole("combobox", { name: "Model" }).selectOption({ label: model.name });
    await dialog.getByRole("combobox", { name: "Segment" }).selectOption({ label: segment.name });
    await expect(dialog.getByRole("checkbox", { name: "Added" })).toBeChecked();
    await dialog.getByRole("checkbox", { name: "Removed" }).check();
    await dialog.getByRole("radio", { name: /Once per record/ }).check();
    await expect(dialog.getByRole("spinbutton", { name: "Health threshold (%)" })).toHaveValue("50");

    // A malformed schedule: the server's problem shows under its field, and nothing is created.
    await dialog.getByRole("textbox", { name: "Schedule (cron, optional)" }).fill("every hour");
    await dialog.getByRole("button", { name: "Create play" }).click();
    await expect(dialog.getByText(/A cron expression has five fields/)).toBeVisible();
    await expect(dialog.getByRole("textbox", { name: "Schedule (cron, optional)" })).toHaveAttribute("aria-invalid", "true");
    await screenshotBothThemes(page, dialog, "play-create-dialog");

    await dialog.getByRole("textbox", { name: "Schedule (cron, optional)" }).fill("0 * * * *");
    await dialog.getByRole("button", { name: "Create play" }).click();
    await expect(page).toHaveURL(/\/plays\/[0-9a-f-]{36}$/);
    const uuid = page.url().split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("v1.0.0");
    const settings = page.getByRole("region", { name: "Settings" });
    await expect(settings).toContainText("Added, removed");
    await expect(settings).toContainText("Once per record");
    await expect(settings).toContainText("0 * * * * (UTC)");
    await expect(settings.getByRole("link", { name: segment.name })).toHaveAttribute("href", `/segments/${segment.uuid}`);
    await expect(settings.getByRole("link", { name: model.name })).toHaveAttribute("href", `/models/${model.uuid}`);
    await expect(page.getByRole("region", { name: "Healthy" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Batches" })).toContainText("No batch yet");
    await expect(page.getByRole("alert").filter({ hasText: "Not deployed" })).toHaveCount(0);

    await page.getByRole("link", { name: "Plays", exact: true }).first().click();
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(workflow.name);
    await expect(row).toContainText(`${model.name} › ${segment.name}`);
    await expect(row).toContainText("Added, removed");
    await expect(row).toContainText("0 * * * * (UTC)");
    await expect(row).toContainText("Healthy");
    await expect(row).toContainText("None yet");
    await expect(row.getByRole("switch", { name: `${name} enabled` })).toHaveAttribute("aria-checked", "true");
    await screenshotBothThemes(page, page.locator("main"), "plays-list");

    // The list's switch turns the play off without opening it.
    await row.getByRole("switch", { name: `${name} enabled` }).click();
    await expect(row.getByRole("switch", { name: `${name} enabled` })).toHaveAttribute("aria-checked", "false");
    await expect(page).toHaveURL("/plays");
    expect(PlayResponseBody.parse(await (await request.get(`/api/v1/orchestration/plays/${uuid}`)).json()).play.isEnabled).toBe(false);

    await row.getByRole("link", { name }).click();
    await expect(page).toHaveURL(`/plays/${uuid}`);
    const enabled = page.getByRole("switch", { name: "Enabled" });
    await expect(enabled).toHaveAttribute("aria-checked", "false");
    await enabled.click();
    await expect(enabled).toHaveAttribute("aria-checked", "true");
    expect(PlayResponseBody.parse(await (await request.get(`/api/v1/orchestration/plays/${uuid}`)).json()).play.isEnabled).toBe(true);
    await enabled.click();
    await expect(enabled).toHaveAttribute("aria-checked", "false");
    await enabled.click();
    await expect(enabled).toHaveAttribute("aria-checked", "true");

    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit play" });
    await expect(edit.getByRole("textbox", { name: "Name" })).toHaveValue(name);
    await expect(edit.getByRole("combobox", { name: "Segment" })).toHaveValue(segment.uuid);
    await expect(edit.getByRole("textbox", { name: "Schedule (cron, optional)" })).toHaveValue("0 * * * *");
    await edit.getByRole("checkbox", { name: "Added" }).uncheck();
    await edit.getByRole("checkbox", { name: "Removed" }).uncheck();
    // Without a kind and without a schedule the server refuses, and says why under the change kinds.
    await edit.getByRole("textbox", { name: "Schedule (cron, optional)" }).fill("");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByText("Pick at least one change kind, or give a schedule").first()).toBeVisible();
    await edit.getByRole("checkbox", { name: "Updated" }).check();
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    await expect(settings).toContainText("Updated");
    await expect(settings).not.toContainText("Added, removed");
    expect(PlayResponseBody.parse(await (await request.get(`/api/v1/orchestration/plays/${uuid}`)).json()).play).toMatchObject({ changeKinds: ["updated"], schedule: null });
    await screenshotBothThemes(page, page.locator("main"), "play-detail");

    await page.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: /Delete the play/ });
    await confirm.getByRole("button", { name: "Delete play" }).click();
    await expect(page).toHaveURL("/plays");
    await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
    expect((await request.get(`/api/v1/orchestration/plays/${uuid}`)).status()).toBe(404);
  });

  test("a play over a workflow never deployed warns and links to the editor", async ({ page, request }) => {
    const { model, segment } = await createSegmentedModel(request);
    const workflow = await createWorkflow(request, false);
    const created = await request.post("/api/v1/orchestration/plays", { data: { workflowUuid: workflow.uuid, name: uniqueName("Draft play"), modelUuid: model.uuid, segmentUuid: segment.uuid } });
    expect(created.status(), await created.text()).toBe(200);
    const play = PlayResponseBody.parse(await created.json()).play;

    await page.goto(`/plays/${play.uuid}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(play.name);
    const warning = page.getByRole("alert").filter({ hasText: "Not deployed" });
    await expect(warning.getByRole("link", { name: "deploy the workflow in the editor" })).toHaveAttribute("href", `/workflows/${workflow.uuid}`);
    await screenshotBothThemes(page, page.locator("main"), "play-not-deployed");

    await page.goto(`/plays/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole("heading", { name: "Play not found" })).toBeVisible();
    expect((await request.delete(`/api/v1/orchestration/plays/${play.uuid}`)).status()).toBe(200);
  });
});
