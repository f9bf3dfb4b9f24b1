import type { WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { EditorPage, WorkflowApi } from "./editor.page";

// The canvas editor, worked by mouse and keyboard: palette, connecting handles, delete / undo /
// redo, copy and paste, auto layout, autosave and a stale write. Each test makes its own workflow.
let counter = 0;
const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${counter++}`;
const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });

/** start → check (branch) → yes / no. */
const BRANCH_GRAPH: WorkflowNodeInput[] = [
  { uuid: "c1000000-0000-4000-8000-000000000001", slug: "start", kind: "native", actionSlug: "start", childrenUuids: ["c1000000-0000-4000-8000-000000000002"], position: { x: 0, y: 0 } },
  {
    uuid: "c1000000-0000-4000-8000-000000000002",
    slug: "check",
    kind: "native",
    actionSlug: "branch",
    config: { condition: template("{{nodes.start.amount > 10}}") },
    childrenUuids: ["c1000000-0000-4000-8000-000000000003", "c1000000-0000-4000-8000-000000000004"],
    position: { x: 0, y: 160 },
  },
  { uuid: "c1000000-0000-4000-8000-000000000003", slug: "yes", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: -160, y: 320 } },
  { uuid: "c1000000-0000-4000-8000-000000000004", slug: "no", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: 160, y: 320 } },
];

test.describe("workflow canvas", () => {
  test("build start → branch → two ends with the palette and handles; delete, undo and redo", async ({ page, request }) => {
    const api = new WorkflowApi(request);
    const editor = new EditorPage(page);
    const workflow = await api.create(uniqueName("Canvas build"));
    await editor.goto(workflow.uuid);
    await expect(editor.node("start")).toHaveAccessibleName("start");
    await editor.saved();

    // A click on Branch with start selected wires it under start; the end that was there moves under its Yes.
    await editor.select("start");
    await editor.paletteItem("Branch").click();
    await expect(editor.node("branch")).toBeVisible();
    await expect(editor.node("branch")).toHaveClass(/selected/);
    await expect(editor.edge("start", "child-0")).toHaveAttribute("data-target-slug", "branch");
    await expect(editor.edge("branch", "child-0")).toHaveAttribute("data-target-slug", "end");
    await expect(editor.edge("branch", "child-0")).toHaveAccessibleName("branch to end (Yes)");

    // Two ends added with nothing selected land in view, unconnected; then the Yes and No handles are dragged onto them.
    await editor.clearSelection();
    await editor.paletteItem("End").click();
    await expect(editor.node("end_2")).toBeVisible();
    await editor.clearSelection();
    await editor.paletteItem("End").click();
    await expect(editor.node("end_3")).toBeVisible();
    await editor.fitView();
    await editor.connect("branch", "child-0", "end_2");
    await editor.connect("branch", "child-1", "end_3");
    await expect(editor.edge("branch", "child-0")).toHaveAttribute("data-target-slug", "end_2");
    await expect(editor.edge("branch", "child-1")).toHaveAttribute("data-target-slug", "end_3");
    await expect(page.getByTestId(/^edge-label-.*->child-1$/)).toHaveText("No");

    await editor.saved();
    let saved = await api.nodesBySlug(workflow.uuid);
    expect(saved.start!.childrenUuids).toEqual([saved.branch!.uuid]);
    expect(saved.branch).toMatchObject({ kind: "native", actionSlug: "branch", childrenUuids: [saved.end_2!.uuid, saved.end_3!.uuid] });
    const end3 = saved.end_3!;

    // Delete with the keyboard; the start node is refused with a reason.
    await editor.select("end_3");
    await page.keyboard.press("Delete");
    await expect(editor.node("end_3")).toHaveCount(0);
    await expect(editor.edge("branch", "child-1")).toHaveCount(0);
    await editor.select("start");
    await page.keyboard.press("Backspace");
    await expect(page.getByRole("status").filter({ hasText: "The start node can't be deleted" })).toBeVisible();
    await expect(editor.node("start")).toBeVisible();

    // Undo brings the same node back, wired as before; redo removes it again.
    await page.keyboard.press("Control+z");
    await expect(editor.node("end_3")).toBeVisible();
    await expect(editor.edge("branch", "child-1")).toHaveAttribute("data-target-slug", "end_3");
    await editor.saved();
    saved = await api.nodesBySlug(workflow.uuid);
    expect(saved.end_3).toEqual(end3);
    expect(saved.branch!.childrenUuids).toEqual([saved.end_2!.uuid, end3.uuid]);

    await page.keyboard.press("Control+Shift+z");
    await expect(editor.node("end_3")).toHaveCount(0);
    await editor.saved();
    saved = await api.nodesBySlug(workflow.uuid);
    expect(saved.end_3).toBeUndefined();
    expect(saved.branch!.childrenUuids).toEqual([saved.end_2!.uuid, null]);

    // The toolbar buttons do the same.
    await editor.button("Undo").click();
    await expect(editor.node("end_3")).toBeVisible();
    await editor.button("Redo").click();
    await expect(editor.node("end_3")).toHaveCount(0);

    // "?" lists the shortcuts.
    await page.keyboard.press("Shift+?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toContainText("Undo");
    await expect(help).toContainText("Auto layout");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
  });

  test("copy and paste, auto layout, and a reload gives back the identical graph", async ({ page, request }) => {
    const api = new WorkflowApi(request);
    const editor = new EditorPage(page);
    const workflow = await api.create(uniqueName("Canvas layout"), BRANCH_GRAPH);
    await editor.goto(workflow.uuid);

    // Shift-click selects two nodes; Ctrl+C / Ctrl+V duplicates them with fresh slugs, their edge kept.
    await editor.select("check");
    await editor.select("yes", { add: true });
    await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await expect(editor.node("check_2")).toBeVisible();
    await expect(editor.node("yes_2")).toBeVisible();
    await expect(editor.node("check_2")).toHaveClass(/selected/);
    await expect(editor.edge("check_2", "child-0")).toHaveAttribute("data-target-slug", "yes_2");
    await editor.saved();
    let saved = await api.nodesBySlug(workflow.uuid);
    expect(saved.check_2!.uuid).not.toBe(saved.check!.uuid);
    expect(saved.check_2).toMatchObject({ actionSlug: "branch", config: saved.check!.config, childrenUuids: [saved.yes_2!.uuid, null] });
    expect(Object.keys(saved).sort()).toEqual(["check", "check_2", "no", "start", "yes", "yes_2"]);

    // Auto layout moves nodes (one undoable step) and saves their new places.
    const before = Object.fromEntries(Object.values(saved).map((node) => [node.slug, node.position]));
    const movedNodes = async () => {
      saved = await api.nodesBySlug(workflow.uuid);
      return Object.values(saved).filter((node) => node.position.x !== before[node.slug]!.x || node.position.y !== before[node.slug]!.y).length;
    };
    await editor.button("Auto layout").click();
    await expect.poll(movedNodes, { timeout: 15_000 }).toBeGreaterThan(0);
    await editor.saved();
    saved = await api.nodesBySlug(workflow.uuid);
    // Top-down: every child below its parent.
    for (const node of Object.values(saved)) {
      for (const child of node.childrenUuids) {
        const target = Object.values(saved).find((other) => other.uuid === child);
        if (target) expect(target.position.y, `${node.slug} → ${target.slug}`).toBeGreaterThan(node.position.y);
      }
    }

    // A reload shows the same graph, and loading it saves nothing.
    const beforeReload = await api.get(workflow.uuid);
    await editor.fitView();
    await editor.reloadAndExpectSameGraph();
    await expect(editor.saveStatus).toHaveText("Saved");
    await page.waitForTimeout(1200);
    expect(await api.get(workflow.uuid)).toEqual(beforeReload);
  });

  test("a stale write shows the reload prompt, never overwrites, and Reload shows the server's version", async ({ page, request }) => {
    const api = new WorkflowApi(request);
    const editor = new EditorPage(page);
    const workflow = await api.create(uniqueName("Canvas stale"), BRANCH_GRAPH);
    await editor.goto(workflow.uuid);

    // Someone else saves first: a new name and an extra node.
    const elsewhere = await api.update(workflow.uuid, {
      name: "Changed elsewhere",
      nodes: [...BRANCH_GRAPH, { uuid: "c1000000-0000-4000-8000-0000000000ff", slug: "server_only", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: 400, y: 0 } }],
      updatedAt: workflow.updatedAt,
    });

    await editor.clearSelection();
    await editor.paletteItem("Delay").click();
    await expect(editor.node("delay")).toBeVisible();
    const dialog = page.getByRole("dialog", { name: "This workflow was changed elsewhere" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("changed by someone else");
    expect(await api.get(workflow.uuid)).toEqual(elsewhere);

    // Focus stays in the dialog.
    await expect(dialog.getByRole("button", { name: "Reload" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Keep editing" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Reload" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("button", { name: "Keep editing" })).toBeFocused();

    await dialog.getByRole("button", { name: "Reload" }).click();
    await expect(dialog).toBeHidden();
    await expect(editor.node("server_only")).toBeVisible();
    await expect(editor.node("delay")).toHaveCount(0);
    await expect(editor.name).toHaveValue("Changed elsewhere");
    await expect(editor.saveStatus).toHaveText("Saved");
    expect(await api.get(workflow.uuid)).toEqual(elsewhere);

    // Editing goes on from the server's version and saves again.
    await editor.select("server_only");
    await page.keyboard.press("Delete");
    await editor.saved();
    const after = await api.nodesBySlug(workflow.uuid);
    expect(Object.keys(after).sort()).toEqual(["check", "no", "start", "yes"]);
  });

  test("Keep editing closes the prompt but saves nothing until a reload", async ({ page, request }) => {
    const api = new WorkflowApi(request);
    const editor = new EditorPage(page);
    const workflow = await api.create(uniqueName("Canvas keep"), BRANCH_GRAPH);
    await editor.goto(workflow.uuid);
    const elsewhere = await api.update(workflow.uuid, { name: "Renamed elsewhere", updatedAt: workflow.updatedAt });

    await editor.name.fill("My name");
    const dialog = page.getByRole("dialog", { name: "This workflow was changed elsewhere" });
    await dialog.getByRole("button", { name: "Keep editing" }).click();
    await expect(dialog).toBeHidden();
    await expect(editor.saveStatus).toHaveText("Not saved: changed elsewhere");
    await editor.select("yes");
    await page.keyboard.press("Delete");
    await page.waitForTimeout(1500);
    expect(await api.get(workflow.uuid)).toEqual(elsewhere);

    await page.getByRole("button", { name: "Reload", exact: true }).click();
    await expect(editor.name).toHaveValue("Renamed elsewhere");
    await expect(editor.node("yes")).toBeVisible();
    await expect(editor.saveStatus).toHaveText("Saved");
  });

  test("drag from the palette drops a node where it lands; drag moves a node; edges delete; box and Ctrl+A select; typing never triggers shortcuts", async ({ page, request }) => {
    const api = new WorkflowApi(request);
    const editor = new EditorPage(page);
    const workflow = await api.create(uniqueName("Canvas drag"), BRANCH_GRAPH);
    await editor.goto(workflow.uuid);

    const canvas = (await editor.canvas.boundingBox())!;
    await editor.paletteItem("Filter").dragTo(editor.canvas, { targetPosition: { x: 120, y: canvas.height - 140 } });
    await expect(editor.node("filter")).toBeVisible();
    await expect(editor.node("filter")).toHaveClass(/selected/);
    const dropped = (await editor.node("filter").boundingBox())!;
    // Centred on the drop point.
    expect(Math.abs(dropped.x + dropped.width / 2 - (canvas.x + 120))).toBeLessThan(4);
    expect(Math.abs(dropped.y + dropped.height / 2 - (canvas.y + canvas.height - 140))).toBeLessThan(4);

    await editor.saved();
    const before = (await api.nodesBySlug(workflow.uuid)).filter!;
    expect(before).toMatchObject({ actionSlug: "filter", childrenUuids: [null] });
    await page.mouse.move(dropped.x + 60, dropped.y + 20);
    await page.mouse.down();
    await page.mouse.move(dropped.x + 160, dropped.y - 30, { steps: 10 });
    await page.mouse.up();
    await editor.saved();
    const after = (await api.nodesBySlug(workflow.uuid)).filter!;
    expect(after.position.x).toBeGreaterThan(before.position.x);
    expect(after.position.y).toBeLessThan(before.position.y);
    // One drag, one undo step.
    await page.keyboard.press("Control+z");
    await editor.saved();
    expect((await api.nodesBySlug(workflow.uuid)).filter!.position).toEqual(before.position);

    // An edge is selected by a click and deleted with the keyboard.
    await editor.clearSelection();
    await editor.clickEdge("start", "child-0");
    await page.keyboard.press("Delete");
    await expect(editor.edge("start", "child-0")).toHaveCount(0);
    await editor.saved();
    expect((await api.nodesBySlug(workflow.uuid)).start!.childrenUuids).toEqual([null]);
    await page.keyboard.press("Control+z");
    await expect(editor.edge("start", "child-0")).toHaveAttribute("data-target-slug", "check");

    // Ctrl+A selects every node; Shift-dragging a box over the pane selects the nodes inside it.
    await page.keyboard.press("Control+a");
    await expect(page.locator(".react-flow__node.selected")).toHaveCount(5);
    await editor.clearSelection();
    await editor.fitView();
    const [start, no] = [(await editor.node("start").boundingBox())!, (await editor.node("no").boundingBox())!];
    await page.keyboard.down("Shift");
    await page.mouse.move(start.x - 12, start.y - 12);
    await page.mouse.down();
    await page.mouse.move(no.x + no.width + 12, no.y + no.height + 12, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await expect(page.locator(".react-flow__node.selected")).not.toHaveCount(0);
    await expect(editor.node("start")).toHaveClass(/selected/);
    await expect(editor.node("no")).toHaveClass(/selected/);
    // A click on a node inside the box selects just that node (the box's overlay does not swallow it).
    await editor.select("check");
    await expect(page.locator(".react-flow__node.selected")).toHaveCount(1);
    await expect(editor.node("check")).toHaveClass(/selected/);
    await editor.clearSelection();

    // Backspace in the name field edits the name, not the graph.
    await editor.select("check");
    await editor.name.click();
    await editor.name.press("End");
    await editor.name.press("Backspace");
    await expect(editor.node("check")).toBeVisible();
    await expect(editor.name).not.toHaveValue(workflow.name);
    await editor.saved();
    expect((await api.get(workflow.uuid)).name).toBe(workflow.name.slice(0, -1));
  });

  test("a click on a problem selects its node and brings it to the middle of the canvas", async ({ page, request }) => {
    const api = new WorkflowApi(request);
    const editor = new EditorPage(page);
    // The branch is far from start, so the first view (clamped at its minimum zoom) misses it; its condition is missing.
    const far = BRANCH_GRAPH.map((node) =>
      node.slug === "start" ? node : { ...node, position: { x: node.position!.x + 6000, y: node.position!.y + 4000 }, ...(node.slug === "check" && { config: {} }) },
    );
    const workflow = await api.create(uniqueName("Far problem"), far);
    await editor.goto(workflow.uuid);
    await expect(editor.node("check")).not.toBeInViewport();

    const details = page.getByRole("complementary", { name: "Details" });
    await details.getByRole("tab", { name: /^Problems \(\d+\)$/ }).click();
    const problem = details.getByRole("region", { name: "Problems" }).getByRole("group", { name: /check/ }).getByRole("listitem").filter({ hasText: "Required" });
    await problem.getByRole("button").click();

    await expect(editor.node("check")).toHaveClass(/selected/);
    const canvas = (await editor.canvas.boundingBox())!;
    const offCentre = async () => {
      const box = await editor.node("check").boundingBox();
      if (!box) return Infinity;
      return Math.hypot(box.x + box.width / 2 - (canvas.x + canvas.width / 2), box.y + box.height / 2 - (canvas.y + canvas.height / 2));
    };
    await expect.poll(offCentre).toBeLessThan(40);
  });

  test("an unknown workflow says so and links back", async ({ page }) => {
    await page.goto("/workflows/00000000-0000-4000-8000-00000000dead");
    await expect(page.getByRole("heading", { name: "This workflow does not exist" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to workflows" })).toHaveAttribute("href", "/workflows");
  });
});
