import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { ConnectorResponseBody, RunResponseBody, WorkflowResponseBody, type Workflow, type WorkflowNode, type WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";

// The inspector and problems panel on the `/dev/editor` bench (no canvas): a workflow
// start → create_contact (demo createRecord, no connector, empty config) → check (branch on
// create_contact's output) → end / end_2, edited as a person would and saved with Save.
const UUID = {
  start: "e2000000-0000-4000-8000-000000000001",
  create: "e2000000-0000-4000-8000-000000000002",
  check: "e2000000-0000-4000-8000-000000000003",
  end: "e2000000-0000-4000-8000-000000000004",
  end2: "e2000000-0000-4000-8000-000000000005",
};
const template = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });
const GRAPH: WorkflowNodeInput[] = [
  { uuid: UUID.start, slug: "start", kind: "native", actionSlug: "start", childrenUuids: [UUID.create] },
  {
    uuid: UUID.create,
    slug: "create_contact",
    name: "Create contact",
    kind: "connector",
    integrationSlug: "demo_crm",
    actionSlug: "createRecord",
    connectorUuid: null,
    config: {},
    childrenUuids: [UUID.check],
  },
  { uuid: UUID.check, slug: "check", kind: "native", actionSlug: "branch", config: { condition: template("{{nodes.create_contact.id}}") }, childrenUuids: [UUID.end, UUID.end2] },
  { uuid: UUID.end, slug: "end", kind: "native", actionSlug: "end", config: { variables: [] } },
  { uuid: UUID.end2, slug: "end_2", kind: "native", actionSlug: "end", config: { variables: [] } },
];

let connectorName = "";

test.beforeAll(async ({ request }) => {
  connectorName = `Inspector CRM ${Date.now().toString(36)}`;
  const response = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `inspector_${Date.now().toString(36)}`, name: connectorName, config: { apiKey: "demo-api-key", region: "us" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  ConnectorResponseBody.parse(await response.json());
});

async function createWorkflow(request: APIRequestContext): Promise<Workflow> {
  const response = await request.post("/api/v1/orchestration/workflows", { data: { name: `Inspector ${Date.now().toString(36)}`, nodes: GRAPH } });
  expect(response.status(), await response.text()).toBe(200);
  return WorkflowResponseBody.parse(await response.json()).workflow;
}

async function savedNodes(request: APIRequestContext, uuid: string): Promise<Record<string, WorkflowNode>> {
  const { workflow } = WorkflowResponseBody.parse(await (await request.get(`/api/v1/orchestration/workflows/${uuid}`)).json());
  return Object.fromEntries(workflow.nodes.map((node) => [node.slug, node]));
}

/** The `/dev/editor` bench, as a screen reader finds it. */
class InspectorBench {
  readonly inspector: Locator;
  readonly problems: Locator;
  readonly problemCount: Locator;

  constructor(readonly page: Page) {
    this.inspector = page.getByRole("complementary", { name: "Inspector" });
    this.problems = page.getByRole("region", { name: "Problems" });
    this.problemCount = page.getByTestId("problems-count");
  }

  async goto(workflowUuid: string, runUuid?: string) {
    await this.page.goto(`/dev/editor?uuid=${workflowUuid}${runUuid ? `&run=${runUuid}` : ""}`);
    // The first validation waits for every integration's detail (the catalog): slow on a busy machine.
    await expect(this.problemCount).not.toHaveText("Checking…", { timeout: 30_000 });
  }

  async select(name: string, options: { shift?: boolean } = {}) {
    await this.page
      .getByRole("navigation", { name: "Nodes" })
      .getByRole("button", { name, exact: true })
      .click({ modifiers: options.shift ? ["Shift"] : [] });
  }

  /** The problem entries listed under a node's group. */
  problemsOf(title: string): Locator {
    return this.problems.getByRole("group", { name: title }).getByRole("listitem");
  }

  async chooseObjectType(option: string) {
    const combobox = this.inspector.getByRole("combobox", { name: "Object type", exact: true });
    await combobox.click();
    await expect(combobox).toHaveAttribute("aria-expanded", "true");
    await this.page.locator(`#${await combobox.getAttribute("aria-controls")}`).getByRole("option", { name: option, exact: true }).click();
    await expect(combobox).toHaveValue(option);
  }

  async chooseConnector() {
    await this.inspector.getByRole("combobox", { name: "Connector", exact: true }).selectOption({ label: connectorName });
  }

  async save() {
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(this.page.getByTestId("save-status")).toHaveText("Saved");
  }
}

test.describe("workflow inspector", () => {
  test.describe.configure({ timeout: 60_000 });
  const pageErrors: Error[] = [];
  test.beforeEach(({ page }) => {
    pageErrors.length = 0;
    page.on("pageerror", (error) => pageErrors.push(error));
  });
  test.afterEach(() => expect(pageErrors.map((error) => error.message)).toEqual([]));

  test("says what to do without a single selected node", async ({ page, request }) => {
    const workflow = await createWorkflow(request);
    const bench = new InspectorBench(page);
    await bench.goto(workflow.uuid);
    await expect(bench.inspector).toContainText("Select a node to edit it");
    await bench.select("Create contact");
    await expect(bench.inspector.getByRole("heading", { name: "Create contact" })).toBeVisible();
    await bench.select("check", { shift: true });
    await expect(bench.inspector).toContainText("2 nodes selected");
  });

  test("connector, createRecord's config and {{nodes.start.email}} completed into Email through expression mode", async ({ page, request }, testInfo) => {
    const workflow = await createWorkflow(request);
    const bench = new InspectorBench(page);
    await bench.goto(workflow.uuid);
    await expect(bench.problemsOf("Create contact").filter({ hasText: "No connector chosen" })).toHaveCount(1);

    await bench.select("Create contact");
    await bench.chooseConnector();
    await expect(bench.problemsOf("Create contact").filter({ hasText: "No connector chosen" })).toHaveCount(0);

    await bench.chooseObjectType("Contacts");
    const fields = bench.inspector.getByRole("region", { name: "Fields" });
    await expect(fields.getByRole("textbox", { name: "Email" })).toBeVisible();

    const toggle = fields.getByRole("button", { name: "Use an expression for Email" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const email = fields.getByRole("combobox", { name: "Email" });
    await expect(email).toBeFocused();

    await email.pressSequentially("{{nodes.");
    await expect(email).toHaveAttribute("aria-expanded", "true");
    const suggestions = page.getByRole("listbox", { name: "Suggestions for Email" });
    // Only what runs before create_contact: not itself, not check or the ends after it.
    await expect(suggestions.getByRole("option")).toHaveText([/^start/]);
    await email.press("Enter");
    await expect(email).toHaveValue("{{nodes.start}}");
    await email.pressSequentially(".email");
    await expect(email).toHaveValue("{{nodes.start.email}}");
    await bench.inspector.screenshot({ path: testInfo.outputPath("inspector-create-record.png") });

    await bench.save();
    const saved = (await savedNodes(request, workflow.uuid)).create_contact!;
    expect(saved).toMatchObject({ kind: "connector", connectorUuid: expect.any(String) });
    expect(saved.config).toMatchObject({ objectType: "contacts", fields: { email: template("{{nodes.start.email}}") } });
  });

  test("unknown paths are flagged as they are typed; fields come from the shown run's output", async ({ page, request }) => {
    const run = await request.post("/api/v1/orchestration/runs?waitUntilFinished=true", {
      data: {
        nodes: [
          { uuid: "r1", slug: "start", kind: "native", actionSlug: "start", childrenUuids: ["r2"] },
          { uuid: "r2", slug: "end", kind: "native", actionSlug: "end", config: { variables: [] } },
        ],
        data: { email: "ada@example.com", company: { name: "Acme" } },
      },
    });
    expect(run.status(), await run.text()).toBe(200);
    const runUuid = RunResponseBody.parse(await run.json()).run.uuid;
    const workflow = await createWorkflow(request);
    const bench = new InspectorBench(page);
    await bench.goto(workflow.uuid, runUuid);
    await bench.select("Create contact");

    await bench.inspector.getByRole("button", { name: "Use an expression for Object type" }).click();
    const objectType = bench.inspector.getByRole("combobox", { name: "Object type" });
    await objectType.pressSequentially("{{nodes.check.condition}}");
    await expect(bench.inspector.getByText("nodes.check is not upstream of this node")).toBeVisible();
    await expect(objectType).toHaveAttribute("aria-invalid", "true");

    await objectType.fill("");
    await objectType.pressSequentially("{{nodes.start.");
    await expect(page.getByRole("listbox", { name: "Suggestions for Object type" }).getByRole("option")).toHaveText([/^email/, /^company/]);
    await objectType.press("ArrowDown");
    await objectType.press("Tab");
    await expect(objectType).toHaveValue("{{nodes.start.company}}");
    await objectType.pressSequentially(".nme");
    await expect(bench.inspector.getByText("nodes.start.company.nme is not an output of start")).toBeVisible();
    await objectType.press("Backspace");
    await objectType.press("Backspace");
    await objectType.pressSequentially("ame");
    await expect(objectType).toHaveValue("{{nodes.start.company.name}}");
    await expect(bench.inspector.getByText(/is not an output of start/)).toHaveCount(0);

    await objectType.fill("{{ nodes.start. }}");
    await expect(bench.inspector.getByText(/^Syntax error in \{\{nodes\.start\.\}\}: Unexpected token/)).toBeVisible();
  });

  test("a missing required field is a problem until it is filled; a click on it selects the node", async ({ page, request }) => {
    const workflow = await createWorkflow(request);
    const bench = new InspectorBench(page);
    await bench.goto(workflow.uuid);
    const required = bench.problemsOf("Create contact").filter({ hasText: "Required" }).filter({ hasText: "objectType" });
    await expect(required).toHaveCount(1);

    await required.getByRole("button").click();
    await expect(page.getByRole("navigation", { name: "Nodes" }).getByRole("button", { name: "Create contact" })).toHaveAttribute("aria-pressed", "true");
    await expect(bench.inspector.getByRole("heading", { name: "Create contact" })).toBeVisible();
    // The same finding shows under its field (a plain textbox until a connector can list the options).
    await expect(bench.inspector.getByRole("textbox", { name: "Object type", exact: true })).toHaveAccessibleDescription(/Required/);

    await bench.chooseConnector();
    await bench.chooseObjectType("Contacts");
    await bench.inspector.getByRole("region", { name: "Fields" }).getByRole("textbox", { name: "Email" }).fill("ada@example.com");
    await expect(required).toHaveCount(0);
    await expect(bench.problems.getByText("No problems: this workflow can run")).toBeVisible();
    await expect(bench.problemCount).toHaveText("No problems");
  });

  test("switching back from an expression asks first, then restores a plain value", async ({ page, request }) => {
    const workflow = await createWorkflow(request);
    const bench = new InspectorBench(page);
    await bench.goto(workflow.uuid);
    await bench.select("Create contact");
    await bench.chooseConnector();
    await bench.chooseObjectType("Deals");

    const toggle = bench.inspector.getByRole("button", { name: "Use an expression for Object type" });
    await toggle.click();
    const editor = bench.inspector.getByRole("combobox", { name: "Object type" });
    // A literal carries over into expression mode, ready to be extended.
    await expect(editor).toHaveValue("deals");
    await editor.fill("{{nodes.start.kind}}");

    await toggle.click();
    const prompt = bench.inspector.getByRole("alert").filter({ hasText: "Discard the expression of Object type" });
    await prompt.getByRole("button", { name: "Keep it" }).click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(editor).toHaveValue("{{nodes.start.kind}}");

    await toggle.click();
    await prompt.getByRole("button", { name: "Discard expression" }).click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(bench.inspector.getByRole("combobox", { name: "Object type", exact: true })).toHaveValue("Deals");
  });

  test("renaming a slug checks it as typed and rewrites the expressions that read it", async ({ page, request }) => {
    const workflow = await createWorkflow(request);
    const bench = new InspectorBench(page);
    await bench.goto(workflow.uuid);
    await bench.select("Create contact");
    const slug = bench.inspector.getByRole("textbox", { name: "Slug" });

    for (const [typed, message] of [
      ["new contact", "Use letters, digits and _ only (no spaces)"],
      ["end", '"end" is reserved for the end node'],
      ["check", 'Another node (check) already has the slug "check"'],
      ["", "A slug is required"],
    ] as const) {
      await slug.fill(typed);
      await expect(slug).toHaveAccessibleDescription(message);
      await expect(slug).toHaveAttribute("aria-invalid", "true");
    }
    await slug.fill("new_contact");
    await expect(slug).not.toHaveAttribute("aria-invalid");

    await bench.select("check");
    await expect(bench.inspector.getByRole("combobox", { name: "Condition" })).toHaveValue("{{nodes.new_contact.id}}");
    await bench.save();
    const saved = await savedNodes(request, workflow.uuid);
    expect(saved.new_contact?.uuid).toBe(UUID.create);
    expect(saved.check?.config.condition).toEqual(template("{{nodes.new_contact.id}}"));
  });

  test("failure settings: continue, a fallback node and a retry policy checked against its ranges", async ({ page, request }) => {
    const workflow = await createWorkflow(request);
    const bench = new InspectorBench(page);
    await bench.goto(workflow.uuid);
    await bench.select("Create contact");
    const settings = bench.inspector.getByRole("region", { name: "Settings" });

    await settings.getByRole("checkbox", { name: "Continue on failure" }).check();
    await bench.inspector.getByRole("region", { name: "Next steps" }).getByRole("combobox", { name: "On failure → next step" }).selectOption({ label: "end_2" });
    await settings.getByRole("checkbox", { name: "Retry on failure" }).check();
    const attempts = settings.getByRole("spinbutton", { name: "Attempts" });
    const interval = settings.getByRole("spinbutton", { name: "Initial interval (ms)" });
    const coefficient = settings.getByRole("spinbutton", { name: "Backoff coefficient" });
    await expect(attempts).toHaveValue("3");

    await attempts.fill("0");
    await expect(attempts).toHaveAccessibleDescription("A whole number from 1 to 100");
    await attempts.fill("5");
    await interval.fill("250");
    await coefficient.fill("0.5");
    await expect(coefficient).toHaveAccessibleDescription("A number, 1 or more");
    await coefficient.fill("1.5");
    await expect(coefficient).not.toHaveAttribute("aria-invalid");

    await bench.save();
    expect((await savedNodes(request, workflow.uuid)).create_contact).toMatchObject({
      fallbackOnFailure: true,
      fallbackChildUuid: UUID.end2,
      retry: { maximumAttempts: 5, initialInterval: 250, backoffCoefficient: 1.5 },
    });
  });
});
