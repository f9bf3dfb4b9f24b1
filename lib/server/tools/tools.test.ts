import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { closeDeps, createDeps, type Deps } from "../deps";
import { createTestModel } from "@/lib/db/testing/test-model";
import { createPlay } from "../plays";
import { createWorkflow, removeWorkflow } from "../workflows";
import { deployedTool, greeting } from "../testing/tools";
import { createTool, getTool, listTools, removeTool, runTool, updateTool } from ".";

const ws = DEFAULT_WORKSPACE_UUID;
let storage: TestStorage;
let deps: Deps;
beforeEach(async () => {
  storage = await createTestStorage("tools-");
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: "", version: "test" });
});
afterEach(async () => {
  await closeDeps(deps);
  await storage.cleanup();
});

const runsOf = (workflowUuid: string) => deps.db.runs.list({ workspaceUuid: ws, workflowUuid, limit: 50 });

describe(`tools (${process.env.TEST_POSTGRES_URL ? "Postgres" : "SQLite"})`, () => {
  it("runs the deployed release with the form's answers as data, not the draft", async () => {
    const tool = await deployedTool(deps);
    expect(tool).toMatchObject({ name: "Greet", workflowName: "Greeter", deployedRelease: { version: "1.0.0" }, webhook: { enabled: false, secretHint: null } });
    expect(tool.formFields.map((field) => field.slug)).toEqual(["name", "count"]);

    const run = await runTool(deps, ws, tool.uuid, { name: "Ada", count: 2 }, { wait: true });
    expect(run).toMatchObject({ status: "success", output: { greeting: "Hello, Ada" }, releaseUuid: tool.deployedRelease!.uuid, data: { name: "Ada", count: 2 } });
  });

  it("refuses answers that do not fit the form, naming each field, and runs nothing", async () => {
    const tool = await deployedTool(deps);
    const refusal = await runTool(deps, ws, tool.uuid, { count: "many" }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 400 });
    expect((refusal as { problems: Array<{ path: string }> }).problems.map((problem) => problem.path).sort()).toEqual(["count", "name"]);
    expect(await runsOf(tool.workflowUuid)).toEqual([]);
  });

  it("answers 409 noDeployedRelease for a workflow never deployed, with an empty form", async () => {
    const workflow = await createWorkflow(deps, ws, { name: "Draft only", nodes: greeting("Hi") });
    const tool = await createTool(deps, ws, { workflowUuid: workflow.uuid, name: "Not yet" });
    expect(tool).toMatchObject({ deployedRelease: null, formFields: [] });
    await expect(runTool(deps, ws, tool.uuid, {})).rejects.toMatchObject({ status: 409, reason: "noDeployedRelease" });
    expect(await runsOf(workflow.uuid)).toEqual([]);
  });

  it("refuses a tool over a play's workflow (409 workflowIsPlay): a play's runs are started by its segment", async () => {
    const workflow = await createWorkflow(deps, ws, { name: "Played", nodes: greeting("Hi") });
    const model = await createTestModel(deps.db, ws, { name: "Leads", columns: { id: "string" }, idColumnSlug: "id", titleColumnSlug: "id" });
    const segment = await deps.db.segments.create(ws, { modelUuid: model.uuid, name: "All", filter: { conjonction: "and", groups: [] }, sort: [] });
    await createPlay(deps, ws, { workflowUuid: workflow.uuid, name: "On new leads", modelUuid: model.uuid, segmentUuid: segment.uuid, changeKinds: ["added"] });
    await expect(createTool(deps, ws, { workflowUuid: workflow.uuid, name: "Also a tool" })).rejects.toMatchObject({ status: 409, reason: "workflowIsPlay" });
    expect(await listTools(deps, ws)).toEqual([]);
  });

  it("keeps one tool per workflow, updates and removes it, and goes with its workflow", async () => {
    const tool = await deployedTool(deps);
    await expect(createTool(deps, ws, { workflowUuid: tool.workflowUuid, name: "Again" })).rejects.toMatchObject({ status: 409, reason: "toolExists" });
    expect((await updateTool(deps, ws, tool.uuid, { description: "Says hello" })).description).toBe("Says hello");
    expect((await listTools(deps, ws)).map((t) => t.uuid)).toEqual([tool.uuid]);
    await removeTool(deps, ws, tool.uuid);
    await expect(getTool(deps, ws, tool.uuid)).rejects.toMatchObject({ status: 404 });

    const other = await deployedTool(deps);
    await removeWorkflow(deps, ws, other.workflowUuid);
    expect(await listTools(deps, ws)).toEqual([]);
  });
});
