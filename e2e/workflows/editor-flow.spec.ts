import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { createDemoConnector, uniqueName } from "../runs/support";
import { EditorPage, WorkflowApi } from "./editor.page";

// The whole of issue 7's "What it must show", in the real editor (`/workflows/[uuid]`), by mouse and
// keyboard: build start → createRecord (demo CRM) → branch → two ends from the palette, fill the
// inspector (autocomplete, `{{nodes.start.email}}` by completion), watch the validation badge come and
// go, reload to the identical graph, run it from the Runs tab and read each node's result, and undo /
// redo a deletion.
const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

/** The editor's right-hand panel: Inspector, Problems (N) and Runs tabs. */
class DetailsPanel {
  readonly panel: Locator;
  readonly inspector: Locator;
  readonly problems: Locator;
  readonly runInput: Locator;
  readonly runButton: Locator;
  readonly shownRun: Locator;
  readonly nodeResult: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("complementary", { name: "Details" });
    this.inspector = this.panel.getByRole("complementary", { name: "Inspector" });
    this.problems = this.panel.getByRole("region", { name: "Problems" });
    this.runInput = this.panel.getByLabel("Input data (JSON)");
    this.runButton = this.panel.getByRole("button", { name: /^(Run|Saving…|Starting…|Running…)$/ });
    this.shownRun = this.panel.getByRole("region", { name: "Shown run" });
    this.nodeResult = this.panel.getByRole("region", { name: "Node result" });
  }

  tab(name: "Inspector" | "Problems" | "Runs"): Locator {
    return this.panel.getByRole("tab", { name: name === "Problems" ? /^Problems \(\d+\)$/ : name });
  }

  async chooseObjectType(option: string) {
    const combobox = this.inspector.getByRole("combobox", { name: "Object type", exact: true });
    await combobox.click();
    await expect(combobox).toHaveAttribute("aria-expanded", "true");
    await this.page.locator(`#${await combobox.getAttribute("aria-controls")}`).getByRole("option", { name: option, exact: true }).click();
    await expect(combobox).toHaveValue(option);
  }
}

test.describe("workflow editor, end to end", () => {
  const pageErrors: Error[] = [];
  test.beforeEach(({ page }) => {
    pageErrors.length = 0;
    page.on("pageerror", (error) => pageErrors.push(error));
  });
  test.afterEach(() => expect(pageErrors.map((error) => error.message)).toEqual([]));

  test("build start → createRecord → branch → two ends, fix a problem, reload, run, undo and redo a deletion", async ({ page, request }) => {
    test.setTimeout(90_000);
    const connector = await createDemoConnector(request);
    const api = new WorkflowApi(request);
    const workflow = await api.create(uniqueName("Editor flow"));
    const editor = new EditorPage(page);
    const details = new DetailsPanel(page);
    await editor.goto(workflow.uuid);
    await expect(editor.node("start")).toBeVisible();
    await expect(editor.node("end")).toBeVisible();
    await editor.saved();

    // 1. With start selected, "Create record" of the connector goes under start; the end moves under it.
    await editor.select("start");
    await editor.palette.getByRole("region", { name: connector.name }).getByRole("button", { name: "Create record", exact: true }).click();
    const create = editor.node("createRecord");
    await expect(create).toBeVisible();
    await expect(create).toHaveClass(/selected/);
    await expect(editor.edge("start", "child-0")).toHaveAttribute("data-target-slug", "createRecord");
    await expect(editor.edge("createRecord", "child-0")).toHaveAttribute("data-target-slug", "end");

    // 2. Nothing is configured yet: the node carries a badge naming the missing field, and the Problems tab counts it.
    const badge = create.getByRole("img", { name: /error/ });
    // Its accessible name lists the reasons with their fields: Object type and Fields are both required.
    await expect(badge).toHaveAccessibleName("2 errors: objectType: Required; fields: Required");
    await details.tab("Problems").click();
    await expect(details.tab("Problems")).toHaveAccessibleName("Problems (2)");
    const listed = details.problems.getByRole("group", { name: /createRecord/ }).getByRole("listitem");
    await expect(listed).toHaveCount(2);
    await expect(listed.filter({ hasText: "objectType" })).toContainText("Required");
    await expect(listed.filter({ hasText: "fields" })).toContainText("Required");

    // 3. The inspector: Object type by autocomplete, Email as an expression completed from start, First name typed.
    await editor.select("createRecord");
    await details.tab("Inspector").click();
    await expect(details.inspector.getByRole("textbox", { name: "Slug" })).toHaveValue("createRecord");
    await details.chooseObjectType("Contacts");
    const fields = details.inspector.getByRole("region", { name: "Fields" });
    await expect(fields.getByRole("textbox", { name: "Email" })).toBeVisible();
    const toggle = fields.getByRole("button", { name: "Use an expression for Email" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const email = fields.getByRole("combobox", { name: "Email" });
    await expect(email).toBeFocused();
    await email.pressSequentially("{{nodes.");
    await expect(email).toHaveAttribute("aria-expanded", "true");
    // Only what runs before createRecord is offered.
    await expect(page.getByRole("listbox", { name: "Suggestions for Email" }).getByRole("option")).toHaveText([/^start/]);
    await email.press("Enter");
    await expect(email).toHaveValue("{{nodes.start}}");
    await email.pressSequentially(".email");
    await expect(email).toHaveValue("{{nodes.start.email}}");
    await fields.getByRole("textbox", { name: "First name" }).fill("Ada");

    // The badge is gone and the Problems tab says so.
    await expect(create.getByTestId("validation-badge")).toHaveCount(0);
    await expect(details.tab("Problems")).toHaveAccessibleName("Problems (0)");

    // 4. A Branch under createRecord (the end moves under its Yes), an End into its free No slot.
    await editor.select("createRecord");
    await editor.paletteItem("Branch").click();
    await expect(editor.node("branch")).toHaveClass(/selected/);
    await expect(editor.edge("createRecord", "child-0")).toHaveAttribute("data-target-slug", "branch");
    await expect(editor.edge("branch", "child-0")).toHaveAttribute("data-target-slug", "end");
    await expect(editor.edge("branch", "child-1")).toHaveCount(0);
    await expect(editor.node("branch").getByTestId("validation-badge")).toHaveAccessibleName("1 error: condition: Required");
    await editor.paletteItem("End").click();
    await expect(editor.node("end_2")).toBeVisible();
    await expect(editor.edge("branch", "child-1")).toHaveAttribute("data-target-slug", "end_2");
    await expect(page.getByTestId(/^edge-label-.*->child-1$/)).toHaveText("No");

    // Its condition, typed as an expression (the view followed end_2 below: fit it all back in first).
    await editor.fitView();
    await editor.select("branch");
    const condition = details.inspector.getByRole("combobox", { name: "Condition" });
    await condition.click();
    await condition.pressSequentially("{{nodes.createRecord.id}}");
    await expect(condition).toHaveValue("{{nodes.createRecord.id}}");
    await expect(editor.node("branch").getByTestId("validation-badge")).toHaveCount(0);
    await expect(details.tab("Problems")).toHaveAccessibleName("Problems (0)");

    // Autosave stored what was built.
    await editor.saved();
    const saved = await api.nodesBySlug(workflow.uuid);
    expect(Object.keys(saved).sort()).toEqual(["branch", "createRecord", "end", "end_2", "start"]);
    expect(saved.start!.childrenUuids).toEqual([saved.createRecord!.uuid]);
    expect(saved.createRecord).toMatchObject({
      kind: "connector",
      integrationSlug: "demo_crm",
      actionSlug: "createRecord",
      connectorUuid: connector.uuid,
      config: { objectType: "contacts", fields: { email: template("{{nodes.start.email}}"), firstName: "Ada" } },
      childrenUuids: [saved.branch!.uuid],
    });
    expect(saved.branch).toMatchObject({ config: { condition: template("{{nodes.createRecord.id}}") }, childrenUuids: [saved.end!.uuid, saved.end_2!.uuid] });

    // 5. A reload gives back the identical graph, and loading it saves nothing.
    const beforeReload = await api.get(workflow.uuid);
    await editor.reloadAndExpectSameGraph();
    await editor.saved();
    await page.waitForTimeout(1200);
    const afterReload = await api.get(workflow.uuid);
    expect(afterReload.nodes).toEqual(beforeReload.nodes);
    expect(afterReload.updatedAt).toBe(beforeReload.updatedAt);

    // 6. Run it from the Runs tab; each node's status shows on the canvas.
    await details.tab("Runs").click();
    await expect(details.runInput).toHaveValue(/"email"/);
    const address = `ada.${Date.now()}@example.com`;
    await details.runInput.fill(JSON.stringify({ email: address }));
    await details.runButton.click();
    await expect(details.shownRun).toContainText("Succeeded", { timeout: 30_000 });
    for (const slug of ["start", "createRecord", "branch", "end"]) {
      await expect(editor.node(slug).getByRole("img", { name: "Status: success" }), slug).toBeVisible();
    }
    // The id is truthy: the run went Yes, so the No end never ran.
    await expect(editor.node("end_2").getByRole("img", { name: "Status: success" })).toHaveCount(0);

    // A click on createRecord shows its output (the new contact) and computed config (the email passed in).
    await editor.select("createRecord");
    await expect(details.tab("Runs")).toHaveAttribute("aria-selected", "true");
    await expect(details.nodeResult.getByLabel("Output of createRecord", { exact: true })).toContainText(/"id": "con_\d+"/);
    await expect(details.nodeResult.getByLabel("Output of createRecord", { exact: true })).toContainText(`"email": "${address}"`);
    await expect(details.nodeResult.getByLabel("Computed config of createRecord", { exact: true })).toContainText(`"email": "${address}"`);
    await expect(details.nodeResult.getByLabel("Computed config of createRecord", { exact: true })).toContainText('"firstName": "Ada"');

    // 7. Delete the No end with the keyboard; undo brings it back wired as before; redo removes it again.
    const end2 = (await api.nodesBySlug(workflow.uuid)).end_2!;
    await editor.select("end_2");
    await page.keyboard.press("Delete");
    await expect(editor.node("end_2")).toHaveCount(0);
    await expect(editor.edge("branch", "child-1")).toHaveCount(0);

    await page.keyboard.press("Control+z");
    await expect(editor.node("end_2")).toBeVisible();
    await expect(editor.edge("branch", "child-1")).toHaveAttribute("data-target-slug", "end_2");
    await editor.saved();
    let after = await api.nodesBySlug(workflow.uuid);
    expect(after.end_2).toEqual(end2);
    expect(after.branch!.childrenUuids).toEqual([after.end!.uuid, end2.uuid]);

    await page.keyboard.press("Control+Shift+z");
    await expect(editor.node("end_2")).toHaveCount(0);
    await expect(editor.edge("branch", "child-1")).toHaveCount(0);
    await editor.saved();
    after = await api.nodesBySlug(workflow.uuid);
    expect(after.end_2).toBeUndefined();
    expect(after.branch!.childrenUuids).toEqual([after.end!.uuid, null]);
  });
});
