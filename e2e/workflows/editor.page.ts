import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { WorkflowResponseBody, type Workflow, type WorkflowNodeInput } from "@/lib/contract";

const BASE = "/api/v1/orchestration/workflows";

/** The workflows API, for arranging a test and checking what the editor saved. */
export class WorkflowApi {
  constructor(readonly request: APIRequestContext) {}

  async create(name: string, nodes?: WorkflowNodeInput[]): Promise<Workflow> {
    const response = await this.request.post(BASE, { data: { name, ...(nodes && { nodes }) } });
    expect(response.status(), await response.text()).toBe(200);
    return WorkflowResponseBody.parse(await response.json()).workflow;
  }

  async get(uuid: string): Promise<Workflow> {
    const response = await this.request.get(`${BASE}/${uuid}`);
    expect(response.status()).toBe(200);
    return WorkflowResponseBody.parse(await response.json()).workflow;
  }

  /** Saves as another operator would, behind the editor's back. */
  async update(uuid: string, body: { name?: string; nodes?: WorkflowNodeInput[]; updatedAt: string }): Promise<Workflow> {
    const response = await this.request.put(`${BASE}/${uuid}`, { data: body });
    expect(response.status(), await response.text()).toBe(200);
    return WorkflowResponseBody.parse(await response.json()).workflow;
  }

  /** The saved graph by slug. */
  async nodesBySlug(uuid: string) {
    return Object.fromEntries((await this.get(uuid)).nodes.map((node) => [node.slug, node]));
  }
}

/** The workflow editor (`/workflows/[uuid]`), as a person works it: palette, canvas, toolbar. */
export class EditorPage {
  readonly canvas: Locator;
  readonly palette: Locator;
  readonly search: Locator;
  readonly saveStatus: Locator;
  readonly name: Locator;
  readonly toolbar: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("workflow-canvas");
    this.palette = page.getByRole("complementary", { name: "Nodes" });
    this.search = this.palette.getByLabel("Search nodes");
    this.saveStatus = page.getByTestId("save-status");
    this.name = page.getByLabel("Workflow name");
    this.toolbar = page.getByRole("toolbar", { name: "Canvas tools" });
  }

  async goto(uuid: string) {
    await this.page.goto(`/workflows/${uuid}`);
    await expect(this.canvas).toHaveAttribute("data-canvas-ready", "true");
  }

  node(slug: string): Locator {
    return this.page.getByTestId(`node-${slug}`);
  }

  /** The edge leaving `slug` from one of its handles (`child-<i>` or `fallback`). */
  edge(slug: string, handle: string): Locator {
    return this.page.getByTestId(`edge-${slug}-${handle}`);
  }

  /** Clicks an edge on its path (a straight edge's box has no width, so Playwright calls it invisible). */
  async clickEdge(slug: string, handle: string) {
    const box = await this.edge(slug, handle).locator("path.react-flow__edge-interaction").boundingBox();
    if (!box) throw new Error(`Cannot see ${slug}'s ${handle} edge`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  paletteItem(name: string): Locator {
    return this.palette.getByRole("button", { name, exact: true });
  }

  button(name: string): Locator {
    return this.toolbar.getByRole("button", { name, exact: true });
  }

  async select(slug: string, options: { add?: boolean } = {}) {
    await this.node(slug).click({ position: { x: 60, y: 20 }, modifiers: options.add ? ["Shift"] : [] });
  }

  /** Fits the graph in view and waits for the animation to settle. */
  async fitView() {
    await this.button("Fit view").click();
    const viewport = this.page.locator(".react-flow__viewport");
    let previous = "";
    await expect
      .poll(async () => {
        const current = (await viewport.getAttribute("style")) ?? "";
        const settled = current === previous;
        previous = current;
        return settled;
      })
      .toBe(true);
  }

  async clearSelection() {
    await this.page.keyboard.press("Escape");
    await expect(this.page.locator(".react-flow__node.selected")).toHaveCount(0);
  }

  /** Drags from a node's source handle onto another node, as a person connects two nodes. */
  async connect(fromSlug: string, handle: string, toSlug: string) {
    const from = await this.node(fromSlug).getByTestId(`handle-${handle}`).boundingBox();
    const to = await this.node(toSlug).boundingBox();
    if (!from || !to) throw new Error(`Cannot see ${fromSlug}'s ${handle} handle or ${toSlug}`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Waits for autosave to have stored every change. */
  async saved() {
    await expect(this.saveStatus).toHaveText("Saved", { timeout: 15_000 });
  }

  /** Every edge on the canvas as `source -handle-> target`, for comparing two renders of one graph. */
  async edgeList(): Promise<string[]> {
    const edges = await this.page
      .locator(".react-flow__edge")
      .evaluateAll((elements) =>
        elements.map((element) => `${element.getAttribute("data-source-slug")} -${element.getAttribute("data-handle")}-> ${element.getAttribute("data-target-slug")}`),
      );
    return edges.sort();
  }

  /** Reloads the page and checks the canvas draws the same nodes and edges as before. */
  async reloadAndExpectSameGraph() {
    const edgesBefore = await this.edgeList();
    const nodesBefore = await this.nodeList();
    await this.page.reload();
    await expect(this.canvas).toHaveAttribute("data-canvas-ready", "true");
    await this.fitView();
    await expect.poll(() => this.edgeList()).toEqual(edgesBefore);
    expect(await this.nodeList()).toEqual(nodesBefore);
  }

  async nodeList(): Promise<string[]> {
    const slugs = await this.page.locator(".react-flow__node").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-slug") ?? ""));
    return slugs.sort();
  }
}
