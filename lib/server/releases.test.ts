import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CreateRunRequestBody, type WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { closeDeps, createDeps, type Deps } from "./deps";
import { deployDraft, getDeployedRelease, listReleases, nextVersion, redeployRelease } from "./releases";
import { createBatch, getBatch } from "./batches";
import { createRun } from "./runs";
import { graph } from "./testing/nodes";
import { createWorkflow, getWorkflow, updateWorkflow } from "./workflows";

const ws = DEFAULT_WORKSPACE_UUID;
let storage: TestStorage;
let deps: Deps;
beforeEach(async () => {
  storage = await createTestStorage("releases-");
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: "", version: "test" });
});
afterEach(async () => {
  await closeDeps(deps);
  await storage.cleanup();
});

/** start → end, the end answering `{answer}`. */
const answering = (answer: string): WorkflowNode[] =>
  graph({ slug: "start", children: ["end"] }, { slug: "end", config: { variables: [{ name: "answer", type: "string", value: answer }] } });

describe("nextVersion", () => {
  it("adds one to the last number of the highest version, comparing numbers, not text", () => {
    expect(nextVersion([])).toBe("1.0.0");
    expect(nextVersion(["1.0.0", "1.0.9", "1.0.10"])).toBe("1.0.11");
    expect(nextVersion(["1.0.3", "2.0.0", "1.9.9"])).toBe("2.0.1");
  });
});

describe(`releases (${process.env.TEST_POSTGRES_URL ? "Postgres" : "SQLite"})`, () => {
  it("deploys the draft as 1.0.0 then 1.0.1; an edited draft changes nothing a release runs until the next deploy", async () => {
    const workflow = await createWorkflow(deps, ws, { name: "Answer", nodes: answering("first") });
    await expect(getDeployedRelease(deps, ws, workflow.uuid)).rejects.toMatchObject({ reason: "noDeployedRelease" });

    const first = await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid, description: "First" });
    expect(first).toMatchObject({ version: "1.0.0", status: "deployed", description: "First", parentUuid: null, nodes: workflow.nodes });
    const edited = await updateWorkflow(deps, ws, workflow.uuid, { nodes: answering("second"), updatedAt: workflow.updatedAt });
    expect(edited.deployedRelease).toMatchObject({ uuid: first.uuid, version: "1.0.0" });

    const before = await createRun(deps, ws, CreateRunRequestBody.parse({ releaseUuid: first.uuid }), { wait: true });
    expect(before).toMatchObject({ status: "success", output: { answer: "first" }, releaseUuid: first.uuid, workflowUuid: workflow.uuid });
    const draft = await createRun(deps, ws, { workflowUuid: workflow.uuid, data: {} }, { wait: true });
    expect(draft).toMatchObject({ output: { answer: "second" }, releaseUuid: null });

    const second = await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid });
    expect(second.version).toBe("1.0.1");
    expect((await getDeployedRelease(deps, ws, workflow.uuid)).uuid).toBe(second.uuid);
    expect((await listReleases(deps, ws, { workflowUuid: workflow.uuid, limit: 10 })).map((r) => [r.version, r.status])).toEqual([
      ["1.0.1", "deployed"],
      ["1.0.0", "superseded"],
    ]);
    expect((await createRun(deps, ws, { releaseUuid: second.uuid, data: {} }, { wait: true })).output).toEqual({ answer: "second" });
  });

  it("rolls back by deploying an older release again, as a new release with its graph", async () => {
    const workflow = await createWorkflow(deps, ws, { name: "Answer", nodes: answering("old") });
    const old = await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid });
    await updateWorkflow(deps, ws, workflow.uuid, { nodes: answering("new"), updatedAt: workflow.updatedAt });
    await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid });

    const rollback = await redeployRelease(deps, ws, null, old.uuid, {});
    expect(rollback).toMatchObject({ version: "1.0.2", parentUuid: old.uuid, description: "Rollback to 1.0.0", status: "deployed", nodes: old.nodes });
    const deployed = await getDeployedRelease(deps, ws, workflow.uuid);
    expect((await createRun(deps, ws, { releaseUuid: deployed.uuid, data: {} }, { wait: true })).output).toEqual({ answer: "old" });
    // The draft is left as it was.
    expect((await getWorkflow(deps, ws, workflow.uuid)).nodes).toEqual(answering("new"));
  });

  it("refuses a graph that does not validate (422), a version the workflow has (409), and a release of another workflow", async () => {
    const workflow = await createWorkflow(deps, ws, { name: "Answer", nodes: answering("x") });
    const broken = graph({ slug: "start", children: ["nowhere"] }, { slug: "end" });
    await expect(deployDraft(deps, ws, null, { workflowUuid: workflow.uuid, nodes: broken })).rejects.toMatchObject({ reason: "nodesNotValid" });
    expect(await listReleases(deps, ws, { workflowUuid: workflow.uuid, limit: 10 })).toEqual([]);

    await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid, version: "2.0.0" });
    await expect(deployDraft(deps, ws, null, { workflowUuid: workflow.uuid, version: "2.0.0" })).rejects.toMatchObject({ reason: "releaseVersionTaken" });
    expect((await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid })).version).toBe("2.0.1");

    const other = await createWorkflow(deps, ws, { name: "Other" });
    const [release] = await listReleases(deps, ws, { workflowUuid: workflow.uuid, limit: 1 });
    await expect(createRun(deps, ws, { releaseUuid: release!.uuid, workflowUuid: other.uuid, data: {} })).rejects.toMatchObject({ reason: "releaseNotFound" });
  });

  it("runs a batch on a release: the batch and each of its runs record it, and run its graph", async () => {
    const workflow = await createWorkflow(deps, ws, { name: "Answer", nodes: answering("deployed") });
    const release = await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid });
    await updateWorkflow(deps, ws, workflow.uuid, { nodes: answering("draft"), updatedAt: workflow.updatedAt });
    const batch = await createBatch(deps, ws, { releaseUuid: release.uuid, data: { kind: "records", records: [{ id: "a" }, { id: "b" }] } });
    expect(batch).toMatchObject({ releaseUuid: release.uuid, workflowUuid: workflow.uuid });
    for (let i = 0; i < 100 && (await getBatch(deps, ws, batch.uuid)).status !== "success"; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const runs = await deps.db.runs.list({ workspaceUuid: ws, batchUuid: batch.uuid, limit: 10 });
    expect(runs.map((run) => run.releaseUuid)).toEqual([release.uuid, release.uuid]);
    for (const run of runs) expect((await deps.db.runs.load(ws, run.uuid))?.run.output).toEqual({ answer: "deployed" });
  });

  it("deploys the draft's form fields with it", async () => {
    const workflow = await createWorkflow(deps, ws, { name: "Form", nodes: answering("x") });
    const fields = [{ slug: "email", name: "Email", kind: "string" as const, isRequired: true }];
    await updateWorkflow(deps, ws, workflow.uuid, { formFields: fields, updatedAt: workflow.updatedAt });
    expect((await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid })).formFields).toEqual(fields);
  });
});

describe("CreateRunRequestBody", () => {
  it("names Cargo's reason when a body gives both a release and a graph of its own", () => {
    const parsed = CreateRunRequestBody.safeParse({ releaseUuid: "00000000-0000-4000-8000-000000000001", nodes: [], data: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.find((issue) => issue.code === "custom")).toMatchObject({ params: { reason: "invalidReleaseOrCustomNodes" } });
  });
});
