import type { Locator, Page } from "@playwright/test";
import type { WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { EditorPage, WorkflowApi } from "./editor.page";

// Connecting and disconnecting nodes without a mouse: the inspector's "Next steps" selects make
// the same operations as dragging between handles, autosave keeps them, and undo takes them back.
const UUID = {
  start: "cb000000-0000-4000-8000-000000000001",
  prepare: "cb000000-0000-4000-8000-000000000002",
  check: "cb000000-0000-4000-8000-000000000003",
  approved: "cb000000-0000-4000-8000-000000000004",
  rejected: "cb000000-0000-4000-8000-000000000005",
};
const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

/** start → prepare → check (a branch with Yes and No free), and two ends nothing leads to yet. */
const GRAPH: WorkflowNodeInput[] = [
  { uuid: UUID.start, slug: "start", kind: "native", actionSlug: "start", childrenUuids: [UUID.prepare], position: { x: 0, y: 0 } },
  { uuid: UUID.prepare, slug: "prepare", kind: "native", actionSlug: "variables", config: { variables: [] }, childrenUuids: [UUID.check], position: { x: 0, y: 140 } },
  {
    uuid: UUID.check,
    slug: "check",
    name: "Big order?",
    kind: "native",
    actionSlug: "branch",
    config: { condition: template("{{nodes.start.amount > 10}}") },
    childrenUuids: [null, null],
    position: { x: 0, y: 280 },
  },
  { uuid: UUID.approved, slug: "approved", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: -160, y: 440 } },
  { uuid: UUID.rejected, slug: "rejected", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: 160, y: 440 } },
];

/** Presses Tab until `target` has focus, as a keyboard user walks the inspector. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test.describe("connecting nodes from the keyboard", () => {
  test("connect a branch's Yes and No from the inspector, reload, disconnect and undo", async ({ page, request }) => {
    test.setTimeout(90_000);
    const api = new WorkflowApi(request);
    const editor = new EditorPage(page);
    const workflow = await api.create(`Keyboard connect ${Date.now().toString(36)}`, GRAPH);
    await editor.goto(workflow.uuid);
    await editor.saved();

    await editor.node("check").focus();
    await page.keyboard.press("Enter");
    await expect(editor.node("check")).toHaveClass(/selected/);

    const inspector = page.getByRole("complementary", { name: "Inspector" });
    const nextSteps = inspector.getByRole("region", { name: "Next steps" });
    const yes = nextSteps.getByRole("combobox", { name: "Yes → next step" });
    const no = nextSteps.getByRole("combobox", { name: "No → next step" });
    await expect(nextSteps.getByRole("combobox")).toHaveCount(3);
    await expect(nextSteps.getByRole("combobox", { name: "On failure → next step" })).toHaveValue("");

    // The options: every other node but start, with the one that already leads here disabled.
    await expect(yes.getByRole("option")).toHaveText(["Not connected", "prepare · would loop back", "approved", "rejected"]);
    await expect(yes.getByRole("option", { name: "prepare · would loop back" })).toBeDisabled();

    await inspector.getByLabel("Name").focus();
    await tabTo(page, yes);
    await yes.selectOption({ label: "approved" });
    await page.keyboard.press("Tab");
    await expect(no).toBeFocused();
    await no.selectOption({ label: "rejected" });

    await expect(editor.edge("check", "child-0")).toHaveAttribute("data-target-slug", "approved");
    await expect(editor.edge("check", "child-1")).toHaveAttribute("data-target-slug", "rejected");
    await expect(page.locator(".react-flow__edge")).toHaveCount(4);
    await editor.saved();
    expect((await api.nodesBySlug(workflow.uuid)).check?.childrenUuids).toEqual([UUID.approved, UUID.rejected]);

    // A reload shows the same graph, saved through autosave.
    await editor.reloadAndExpectSameGraph();
    await editor.select("check");
    await expect(yes).toHaveValue(UUID.approved);
    await expect(no).toHaveValue(UUID.rejected);

    // "Not connected" disconnects; the undo shortcut, pressed in the same select, connects again.
    await no.focus();
    await no.selectOption({ label: "Not connected" });
    await expect(editor.edge("check", "child-1")).toHaveCount(0);
    await editor.saved();
    expect((await api.nodesBySlug(workflow.uuid)).check?.childrenUuids).toEqual([UUID.approved, null]);

    await expect(no).toBeFocused();
    await page.keyboard.press("ControlOrMeta+z");
    await expect(editor.edge("check", "child-1")).toHaveAttribute("data-target-slug", "rejected");
    await expect(no).toHaveValue(UUID.rejected);
    await editor.saved();
    expect((await api.nodesBySlug(workflow.uuid)).check?.childrenUuids).toEqual([UUID.approved, UUID.rejected]);

    // An end has nothing to connect, and says so.
    await editor.select("approved");
    await expect(nextSteps).toContainText("Nothing comes after this node: the run ends here.");
    await expect(nextSteps.getByRole("combobox")).toHaveCount(0);
  });
});
