import type { APIRequestContext } from "@playwright/test";
import { ReleaseListResponseBody, type WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "./fixtures";
import { uniqueName } from "./runs/support";
import { screenshotBothThemes } from "./support/screenshots";
import { EditorPage, WorkflowApi } from "./workflows/editor.page";

// Issue 14's editor side of releases: the toolbar's deploy status and Deploy button, the release
// history with each release's diff and rollback, and the tool's form fields, in the real editor.

/** start → wait (a 5-minute delay) → end. */
const GRAPH: WorkflowNodeInput[] = [
  { uuid: "00000000-0000-4000-8000-000000000001", slug: "start", kind: "native", actionSlug: "start", childrenUuids: ["00000000-0000-4000-8000-000000000002"], position: { x: 0, y: 0 } },
  {
    uuid: "00000000-0000-4000-8000-000000000002",
    slug: "wait",
    kind: "native",
    actionSlug: "delay",
    config: { minutes: 5 },
    childrenUuids: ["00000000-0000-4000-8000-000000000003"],
    position: { x: 0, y: 160 },
  },
  { uuid: "00000000-0000-4000-8000-000000000003", slug: "end", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: 0, y: 320 } },
];

async function releasesOf(request: APIRequestContext, workflowUuid: string) {
  const response = await request.get(`/api/v1/orchestration/releases/list?workflowUuid=${workflowUuid}`);
  expect(response.status()).toBe(200);
  return ReleaseListResponseBody.parse(await response.json()).releases;
}

/** The editor's release controls: the status (which opens the history), Deploy, the form fields tab. */
class ReleasesBench extends EditorPage {
  readonly status = this.page.getByTestId("deploy-status");
  readonly deployDialog = this.page.getByRole("dialog", { name: "Deploy this workflow" });
  readonly history = this.page.getByRole("dialog", { name: "Release history" });
  readonly details = this.page.getByRole("complementary", { name: "Details" });
  readonly formFields = this.details.getByRole("region", { name: "Form fields" });

  async deploy(options: { expectPlaceholder: string; description?: string }) {
    await this.page.getByRole("button", { name: "Deploy", exact: true }).click();
    await expect(this.deployDialog.getByLabel("Version")).toHaveAttribute("placeholder", options.expectPlaceholder);
    if (options.description) await this.deployDialog.getByLabel("Description").fill(options.description);
    await this.deployDialog.getByRole("button", { name: "Deploy", exact: true }).click();
  }

  async expectStatus(text: string) {
    await expect(this.status).toHaveText(`${text}: release history`);
  }
}

test.describe("releases in the editor", () => {
  const pageErrors: Error[] = [];
  test.beforeEach(({ page }) => {
    pageErrors.length = 0;
    page.on("pageerror", (error) => pageErrors.push(error));
  });
  test.afterEach(() => expect(pageErrors.map((error) => error.message)).toEqual([]));

  test("add form fields, deploy 1.0.0, edit a node (the draft differs, the history names it), deploy 1.0.1, roll back to 1.0.0 as 1.0.2", async ({ page, request }) => {
    test.setTimeout(90_000);
    const api = new WorkflowApi(request);
    const workflow = await api.create(uniqueName("Releases editor"), GRAPH);
    const bench = new ReleasesBench(page);
    await bench.goto(workflow.uuid);
    await bench.expectStatus("Not deployed");

    // The form: a field named first (the slug follows the name), checked inline, reordered.
    await bench.details.getByRole("tab", { name: "Form" }).click();
    await bench.formFields.getByRole("button", { name: "Add field" }).click();
    const first = bench.formFields.getByRole("group", { name: "Field 1" });
    await expect(first.getByLabel("Name")).toBeFocused();
    await page.keyboard.type("Work email");
    await expect(first.getByLabel("Slug")).toHaveValue("work_email");
    await first.getByLabel("Required").check();
    await bench.formFields.getByRole("button", { name: "Add field" }).click();
    const second = bench.formFields.getByRole("group", { name: "Field 2" });
    await second.getByLabel("Name").fill("Work email");
    await expect(second.getByLabel("Slug")).toHaveAccessibleDescription("Another field uses this slug");
    await expect(bench.formFields.getByRole("status")).toHaveText("The form is not saved until the fields marked below are fixed.");
    await second.getByLabel("Slug").fill("1note");
    await expect(second.getByLabel("Slug")).toHaveAccessibleDescription(/^Letters, digits and _/);
    await second.getByLabel("Slug").fill("note");
    await second.getByLabel("Name").fill("Note");
    await second.getByLabel("Kind").selectOption({ label: "Long text" });
    await second.getByLabel("Description").fill("Anything to add");
    await second.getByRole("button", { name: "Move Note up" }).click();
    await expect(bench.formFields.getByRole("group", { name: "Field 1" }).getByLabel("Slug")).toHaveValue("note");
    await screenshotBothThemes(page, bench.details, "releases-form-fields");
    await bench.saved();
    expect((await api.get(workflow.uuid)).formFields).toEqual([
      { slug: "note", name: "Note", kind: "text", description: "Anything to add", isRequired: false },
      { slug: "work_email", name: "Work email", kind: "string", isRequired: true },
    ]);

    await bench.deploy({ expectPlaceholder: "1.0.0", description: "First cut" });
    await expect(bench.deployDialog).toBeHidden();
    await bench.expectStatus("Deployed 1.0.0");
    await expect(page.getByRole("status").filter({ hasText: "Deployed 1.0.0" })).toBeVisible();
    await screenshotBothThemes(page, page.locator("header").filter({ has: bench.status }), "releases-toolbar");

    // Moving a node is not a change worth a deploy.
    await bench.fitView();
    const box = (await bench.node("wait").boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 20, { steps: 8 });
    await page.mouse.up();
    await bench.saved();
    expect((await api.nodesBySlug(workflow.uuid)).wait!.position.x).toBeGreaterThan(100);
    await bench.expectStatus("Deployed 1.0.0");

    await bench.fitView();
    await bench.select("wait");
    await bench.details.getByRole("complementary", { name: "Inspector" }).getByRole("spinbutton", { name: "Minutes" }).fill("10");
    await bench.expectStatus("Deployed 1.0.0 · draft differs");

    await bench.status.click();
    await expect(bench.history.getByRole("button", { name: "1.0.0, deployed" })).toHaveAttribute("aria-pressed", "true");
    await expect(bench.history.getByText("First cut").first()).toBeVisible();
    const changed = bench.history.getByRole("region", { name: "Changed in the draft" });
    await expect(changed).toContainText("wait");
    await expect(changed).toContainText("config.minutes");
    await expect(bench.history.getByRole("region", { name: /^(Added|Removed) in/ })).toHaveCount(0);
    await screenshotBothThemes(page, bench.history, "releases-history");
    await page.keyboard.press("Escape");
    await expect(bench.history).toBeHidden();

    // The deploy waits for the autosave, so it takes the edit just made.
    await bench.deploy({ expectPlaceholder: "1.0.1" });
    await bench.expectStatus("Deployed 1.0.1");

    await bench.status.click();
    await bench.history.getByRole("button", { name: "1.0.0, superseded" }).click();
    await bench.history.getByRole("radio", { name: /^With the current draft/ }).click();
    await expect(bench.history.getByRole("region", { name: "Changed in the draft" })).toContainText("config.minutes");
    await bench.history.getByRole("button", { name: "Roll back to this" }).click();
    const confirm = bench.history.getByRole("button", { name: "Roll back to 1.0.0" });
    await expect(confirm).toBeFocused();
    await expect(bench.history.getByRole("group", { name: "Confirm the rollback" })).toContainText("as release 1.0.2");
    await confirm.click();
    await expect(bench.history.getByRole("button", { name: "1.0.2, deployed" })).toHaveAttribute("aria-pressed", "true");
    await expect(bench.history.getByRole("button", { name: "1.0.1, superseded" })).toBeVisible();
    await page.keyboard.press("Escape");
    // The draft still waits 10 minutes; the deployed release is the old graph again.
    await bench.expectStatus("Deployed 1.0.2 · draft differs");

    const releases = await releasesOf(request, workflow.uuid);
    expect(releases.map((release) => `${release.version} ${release.status}`)).toEqual(["1.0.2 deployed", "1.0.1 superseded", "1.0.0 superseded"]);
    const [rolledBack, , original] = releases;
    expect(rolledBack!.parentUuid).toBe(original!.uuid);
    expect(rolledBack!.nodes.find((node) => node.slug === "wait")?.config).toEqual({ minutes: 5 });
    expect(releases[1]!.nodes.find((node) => node.slug === "wait")?.config).toEqual({ minutes: 10 });
    expect(rolledBack!.formFields).toEqual(original!.formFields);
    expect((await api.get(workflow.uuid)).deployedRelease).toMatchObject({ uuid: rolledBack!.uuid, version: "1.0.2" });
  });

  test("a draft with problems is refused with its problems listed, and Show problems opens them; a taken version is refused", async ({ page, request }) => {
    test.setTimeout(60_000);
    const api = new WorkflowApi(request);
    const broken = GRAPH.map((node) => (node.slug === "wait" ? { ...node, config: {} } : node));
    const workflow = await api.create(uniqueName("Releases refused"), broken);
    const bench = new ReleasesBench(page);
    await bench.goto(workflow.uuid);
    await bench.expectStatus("Not deployed");

    await bench.deploy({ expectPlaceholder: "1.0.0" });
    const refused = bench.deployDialog.getByRole("alert").filter({ hasText: "Fix the problems first" });
    await expect(refused).toContainText("wait");
    await screenshotBothThemes(page, bench.deployDialog, "releases-deploy-refused");
    await refused.getByRole("button", { name: "Show problems" }).click();
    await expect(bench.deployDialog).toBeHidden();
    await expect(bench.details.getByRole("tab", { name: /^Problems \(\d+\)$/ })).toHaveAttribute("aria-selected", "true");
    await bench.expectStatus("Not deployed");

    await bench.fitView();
    await bench.select("wait");
    await bench.details.getByRole("complementary", { name: "Inspector" }).getByRole("spinbutton", { name: "Minutes" }).fill("1");
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const version = bench.deployDialog.getByLabel("Version");
    await version.fill("2.0");
    await bench.deployDialog.getByRole("button", { name: "Deploy", exact: true }).click();
    await expect(version).toHaveAccessibleDescription("A version is three numbers, such as 1.0.2");
    await version.fill("2.0.0");
    await screenshotBothThemes(page, bench.deployDialog, "releases-deploy");
    await bench.deployDialog.getByRole("button", { name: "Deploy", exact: true }).click();
    await bench.expectStatus("Deployed 2.0.0");

    await bench.deploy({ expectPlaceholder: "2.0.1" });
    await bench.expectStatus("Deployed 2.0.1");
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    await version.fill("2.0.0");
    await bench.deployDialog.getByRole("button", { name: "Deploy", exact: true }).click();
    await expect(version).toHaveAccessibleDescription("Version 2.0.0 is taken; choose another.");
  });
});
