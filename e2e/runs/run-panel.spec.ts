import { expect, test } from "../fixtures";
import { RunPanelPage } from "./run-panel.page";
import { createDemoConnector, createWorkflow, graph, signupGraph, tmpl, uniqueName } from "./support";

// start → wait ~2.4 s → end greeting the input's name: slow enough to watch it advance.
const greetingGraph = () =>
  graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["wait"] },
    { slug: "wait", kind: "native", actionSlug: "delay", config: { minutes: 0.04 }, children: ["done"] },
    { slug: "done", kind: "native", actionSlug: "end", config: { variables: [{ name: "greeting", type: "string", value: tmpl("Hello {{nodes.start.name}}") }] } },
  );

test.describe("run panel", () => {
  test("Run shows each node's status advance on the canvas, then the output; the history lists the run", async ({ page, request }) => {
    const workflow = await createWorkflow(request, uniqueName("Greeter"), greetingGraph());
    const panel = new RunPanelPage(page);
    await panel.goto(workflow.uuid);
    // The input starts with the fields the graph reads from the start node.
    await expect(panel.input).toHaveValue(/"name": ""/);

    await panel.run({ name: "Ada" });
    await expect(panel.node("wait")).toHaveAttribute("data-run-status", "running");
    await expect(panel.node("start")).toHaveAttribute("data-run-status", "success");
    await expect(panel.node("done")).toHaveAttribute("data-run-status", "none");
    await expect(panel.shownRun).toContainText("Running");
    await expect(panel.cancelButton).toBeVisible();

    await expect(panel.node("done")).toHaveAttribute("data-run-status", "success");
    await expect(panel.node("wait")).toHaveAttribute("data-run-status", "success");
    await expect(panel.shownRun).toContainText("Succeeded");
    await expect(panel.shownRun.getByLabel("Workflow output", { exact: true })).toContainText('"greeting": "Hello Ada"');
    await expect(panel.cancelButton).toHaveCount(0);
    await expect(panel.runButton).toHaveText("Run");

    const item = panel.history.getByRole("listitem").first();
    await expect(item).toContainText("Succeeded");
    await expect(item).toHaveAttribute("aria-current", "true");
    const runHref = await panel.shownRun.getByRole("link", { name: "Run page" }).getAttribute("href");
    await expect(item.getByRole("link")).toHaveAttribute("href", runHref!);

    // The last input is remembered for this workflow.
    await page.reload();
    await expect(panel.input).toHaveValue('{"name":"Ada"}');
  });

  test("selecting a node shows its computed config, output, title and duration in the shown run", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const workflow = await createWorkflow(request, uniqueName("Signup panel"), signupGraph(connector.uuid));
    const panel = new RunPanelPage(page);
    await panel.goto(workflow.uuid);
    const email = `grace.${Date.now()}@example.com`;
    await panel.run({ email, vip: false });
    await expect(panel.shownRun).toContainText("Succeeded");
    await expect(panel.panel.getByText("Select a node on the canvas")).toBeVisible();

    await panel.selectNode("create");
    await expect(panel.nodeResult).toContainText("Create contact");
    await expect(panel.nodeResult.getByTestId("execution-title")).toHaveText(/✅ contact \S+ created/i);
    await expect(panel.nodeResult.getByTestId("execution-duration")).toHaveText(/^\d+(\.\d)? (ms|s)$/);
    await expect(panel.nodeResult.getByLabel("Computed config of create", { exact: true })).toContainText(`"email": "${email}"`);
    await expect(panel.nodeResult.getByLabel("Output of create", { exact: true })).toContainText(`"email": "${email}"`);

    await panel.selectNode("regular");
    await expect(panel.nodeResult.getByLabel("Output of regular", { exact: true })).toContainText('"tier": "regular"');
    await panel.selectNode("vip");
    await expect(panel.nodeResult).toContainText("This node did not run in the shown run.");
  });

  test("a graph with problems blocks Run and says why", async ({ page, request }) => {
    const connector = await createDemoConnector(request);
    const nodes = graph(
      { slug: "start", kind: "native", actionSlug: "start", children: ["create"] },
      { slug: "create", kind: "connector", integrationSlug: "demo_crm", connectorUuid: connector.uuid, actionSlug: "createRecord", config: {}, children: ["done"] },
      { slug: "done", kind: "native", actionSlug: "end", config: { variables: [] } },
    );
    const workflow = await createWorkflow(request, uniqueName("Broken"), nodes);
    const panel = new RunPanelPage(page);
    await panel.goto(workflow.uuid);
    await expect(panel.blocked).toContainText(/^Fix \d+ problems? before running: create \((objectType|fields)\): Required/);
    await expect(panel.runButton).toBeDisabled();
    await panel.panel.getByRole("button", { name: "Show problems" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The Problems tab would open here." })).toBeVisible();
  });

  test("the input must be a JSON object; Run waits for unsaved edits to be saved", async ({ page, request }) => {
    const workflow = await createWorkflow(request, uniqueName("Input check"), greetingGraph());
    const panel = new RunPanelPage(page);
    await panel.goto(workflow.uuid);
    await panel.input.fill('{"name": ');
    await expect(panel.panel.getByRole("alert")).toContainText("Not valid JSON");
    await expect(panel.input).toHaveAttribute("aria-invalid", "true");
    await expect(panel.runButton).toBeDisabled();
    await panel.input.fill('["Ada"]');
    await expect(panel.panel.getByRole("alert")).toContainText("must be a JSON object");
    await expect(panel.runButton).toBeDisabled();

    await page.getByRole("button", { name: "Make an unsaved edit" }).click();
    await panel.run({ name: "Grace" });
    await expect(panel.runButton).toHaveText("Saving…");
    await expect(page.getByText("All changes saved")).toBeVisible();
    await expect(panel.shownRun).toContainText("Succeeded", { timeout: 15_000 });
    await expect(panel.shownRun.getByLabel("Workflow output", { exact: true })).toContainText("Hello Grace");
  });

  test("choosing a run in the history shows it again", async ({ page, request }) => {
    const workflow = await createWorkflow(request, uniqueName("Twice"), greetingGraph());
    const panel = new RunPanelPage(page);
    await panel.goto(workflow.uuid);
    await panel.run({ name: "First" });
    await expect(panel.shownRun).toContainText("Succeeded");
    await panel.run({ name: "Second" });
    await expect(panel.shownRun.getByLabel("Workflow output", { exact: true })).toContainText("Hello Second");
    await expect(panel.history.getByRole("listitem")).toHaveCount(2);

    await panel.history.getByRole("listitem").nth(1).getByRole("button").click();
    await expect(panel.shownRun.getByLabel("Workflow output", { exact: true })).toContainText("Hello First");
    await expect(panel.history.getByRole("listitem").nth(1)).toHaveAttribute("aria-current", "true");
    await expect(panel.node("done")).toHaveAttribute("data-run-status", "success");
  });
});
