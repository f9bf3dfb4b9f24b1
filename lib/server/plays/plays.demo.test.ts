import { beforeAll, describe, expect, it } from "vitest";
import type { CreatePlayRequestBody, WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { closeDeps, createDeps, type Deps } from "../deps";
import { createModel, startSync } from "../records/models";
import { createSegment, removeSegment } from "../records/segments";
import { deployDraft } from "../releases";
import { createRun, testRunWorkflow } from "../runs";
import { DEMO_CREDENTIALS, demoDeps, type DemoDeps } from "../testing/demo-deps";
import { graph, tmpl } from "../testing/nodes";
import { batchRuns, countryIs, endedBatches, storedCompanies, syncEnded } from "../testing/plays";
import { createWorkflow, updateWorkflow } from "../workflows";
import { createPlay, getPlay, setPlayEnabled, triggerPlays } from ".";

// Plays end to end: real storage (both dialects), the demo CRM synced over HTTP, the real queue.
const ws = DEFAULT_WORKSPACE_UUID;
const setup = demoDeps("relay-plays-", { cuttingProxy: true, demo: { rateLimit: null } });
let deps: Deps;
beforeAll(() => {
  ({ deps } = setup);
});

/** start → end answering the record's id; `failing` throws in the end node instead. */
const echo = (failing = false): WorkflowNode[] =>
  graph(
    { slug: "start", children: ["end"] },
    { slug: "end", actionSlug: "end", config: { variables: [{ type: "any", name: "id", value: tmpl(failing ? "{{nodes.start.nope.deeper}}" : "{{nodes.start.id}}") }] } },
  );

/**
 * A synced companies model, a segment of one country, a deployed workflow and a play over them;
 * `inside`/`outside` are the segment's records and the others at the start.
 */
async function playOver(options: Partial<CreatePlayRequestBody> & { failing?: boolean; deploy?: boolean; pageSize?: number } = {}) {
  const { failing, deploy = true, pageSize = 100, ...play } = options;
  const model = await createModel(deps, ws, {
    name: `Companies ${crypto.randomUUID().slice(0, 6)}`,
    extractor: { connectorUuid: setup.connectorUuid, extractorSlug: "records", config: { objectType: "companies", pageSize } },
  });
  await syncEnded(deps, model.uuid);
  const records = await storedCompanies(deps, model.uuid);
  const country = String(records[0]!.country);
  const segment = await createSegment(deps, ws, { modelUuid: model.uuid, name: country, filter: countryIs(country), sort: [] });
  const workflow = await createWorkflow(deps, ws, { name: "Play workflow", nodes: echo(failing) });
  if (deploy) await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid, description: "" });
  const created = await createPlay(deps, ws, { workflowUuid: workflow.uuid, name: "Welcome", modelUuid: model.uuid, segmentUuid: segment.uuid, ...play });
  const ids = (filter: (record: Record<string, unknown>) => boolean) => records.filter(filter).map((record) => String(record.id));
  return { model, segment, workflow, play: created, country, inside: ids((r) => r.country === country), outside: ids((r) => r.country !== country) };
}

/** Renames or moves a company in the demo CRM, as a user of it would. */
export async function updateDemoCompany(setup: DemoDeps, recordId: string, fields: Record<string, unknown>) {
  const response = await fetch(`${setup.demo.url}/actions/updateRecord/execute`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      connectorConfig: DEMO_CREDENTIALS,
      actionConfig: { objectType: "companies", recordId, mappings: Object.entries(fields).map(([name, value]) => ({ name, value })) },
    }),
  });
  expect(response.status).toBe(200);
}

async function syncAgain(modelUuid: string) {
  await startSync(deps, ws, modelUuid);
  return syncEnded(deps, modelUuid);
}

describe(`plays (${process.env.TEST_POSTGRES_URL ? "Postgres" : "SQLite"})`, () => {
  it("a sync that moves two records into the segment and one out starts exactly one batch over those three, each run once, with two workers", async () => {
    const { model, workflow, play, country, inside, outside } = await playOver({ changeKinds: ["added", "removed"] });
    expect(play).toMatchObject({ isEnabled: true, health: { status: "healthy" }, lastBatch: null, deployedRelease: { version: "1.0.0" } });
    const { dataDir, databaseUrl } = setup.storage;
    const second = await createDeps({ dataDir, databaseUrl, demoIntegrationUrl: setup.proxy!.url, version: "test" });
    try {
      await updateDemoCompany(setup, outside[0]!, { country });
      await updateDemoCompany(setup, outside[1]!, { country });
      await updateDemoCompany(setup, inside[0]!, { country: `Not ${country}` });
      await updateDemoCompany(setup, inside[1]!, { name: "Renamed inside" }); // updated: not a kind of this play
      const sync = await syncAgain(model.uuid);
      expect(sync.status).toBe("success");
      // Both processes hear of the same sync again, at once, and sweep: still one batch.
      const told = { workspaceUuid: ws, modelUuid: model.uuid, syncUuid: sync.uuid };
      await Promise.all([triggerPlays(second, told), triggerPlays(deps, told), second.runs.batches.sweep(), deps.runs.batches.sweep()]);

      const batches = await endedBatches(deps, workflow.uuid);
      expect(batches).toHaveLength(1);
      const [batch] = batches;
      expect(batch).toMatchObject({ status: "success", runsCount: 3, failedRunsCount: 0, releaseUuid: play.deployedRelease!.uuid, data: { kind: "change", playUuid: play.uuid } });
      const runs = await batchRuns(deps, batch!.uuid);
      expect(runs.map((run) => run.recordId)).toEqual([outside[0]!, outside[1]!, inside[0]!].sort());
      expect(runs.every((run) => run.status === "success")).toBe(true);
      expect(runs.find((run) => run.recordId === inside[0])!.data).toMatchObject({ id: inside[0], country: `Not ${country}` });
      expect((await getPlay(deps, ws, play.uuid)).lastBatch).toMatchObject({ uuid: batch!.uuid, status: "success" });
    } finally {
      await second.runs.queue.idle();
      await closeDeps(second);
    }
  });

  it("changes of a kind the play does not take start nothing, nor does a disabled play", async () => {
    const { model, workflow, play, country, inside, outside } = await playOver({ changeKinds: ["added", "removed"] });
    await updateDemoCompany(setup, inside[0]!, { name: "Only renamed" });
    expect((await syncAgain(model.uuid)).updatedCount).toBe(1);
    expect(await endedBatches(deps, workflow.uuid)).toEqual([]);

    await setPlayEnabled(deps, ws, play.uuid, false);
    await updateDemoCompany(setup, outside[0]!, { country });
    expect((await syncAgain(model.uuid)).status).toBe("success");
    expect(await endedBatches(deps, workflow.uuid)).toEqual([]);
  });

  it("runs the deployed release: an edited draft changes nothing the play runs until it is deployed", async () => {
    const { model, workflow, country, outside } = await playOver({ changeKinds: ["added"] });
    const outputs = async (batchUuid: string) =>
      (await deps.db.client.all<{ output_json: string }>("SELECT output_json FROM runs WHERE batch_uuid = ?", [batchUuid])).map((row) => JSON.parse(row.output_json) as unknown);
    const draft = graph({ slug: "start", children: ["end"] }, { slug: "end", actionSlug: "end", config: { variables: [{ type: "string", name: "id", value: "from the draft" }] } });
    await updateWorkflow(deps, ws, workflow.uuid, { nodes: draft, updatedAt: workflow.updatedAt });

    await updateDemoCompany(setup, outside[0]!, { country });
    await syncAgain(model.uuid);
    const [deployed] = await endedBatches(deps, workflow.uuid);
    expect(await outputs(deployed!.uuid)).toEqual([{ id: outside[0] }]);

    await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid });
    await updateDemoCompany(setup, outside[1]!, { country });
    await syncAgain(model.uuid);
    const latest = (await endedBatches(deps, workflow.uuid)).find((batch) => batch.uuid !== deployed!.uuid);
    expect(await outputs(latest!.uuid)).toEqual([{ id: "from the draft" }]);
  });

  it("runCreationRule once: a record that enters the segment twice is run once", async () => {
    const { model, workflow, country, outside } = await playOver({ changeKinds: ["added"], runCreationRule: "once" });
    await updateDemoCompany(setup, outside[0]!, { country });
    await syncAgain(model.uuid);
    expect((await endedBatches(deps, workflow.uuid)).map((batch) => batch.runsCount)).toEqual([1]);
    await updateDemoCompany(setup, outside[0]!, { country: `Not ${country}` });
    await syncAgain(model.uuid);
    await updateDemoCompany(setup, outside[0]!, { country });
    await updateDemoCompany(setup, outside[1]!, { country });
    await syncAgain(model.uuid);
    const batches = await endedBatches(deps, workflow.uuid);
    expect(batches).toHaveLength(2);
    expect((await batchRuns(deps, batches[0]!.uuid)).map((run) => run.recordId)).toEqual([outside[1]]);
  });

  it("pauses a play whose runs fail past its threshold, with the reason; enabling resumes it", async () => {
    const { model, workflow, play, country, outside } = await playOver({ changeKinds: ["added"], failing: true, healthThreshold: 0.5 });
    await updateDemoCompany(setup, outside[0]!, { country });
    await updateDemoCompany(setup, outside[1]!, { country });
    await syncAgain(model.uuid);
    expect(await endedBatches(deps, workflow.uuid)).toMatchObject([{ runsCount: 2, failedRunsCount: 2 }]);

    // Not read in between: the trigger itself must see the failures and start nothing.
    await updateDemoCompany(setup, outside[2]!, { country });
    await syncAgain(model.uuid);
    expect(await endedBatches(deps, workflow.uuid)).toHaveLength(1);
    expect((await getPlay(deps, ws, play.uuid)).health).toEqual({ status: "paused", reason: "2 of the last 2 runs failed (100% > 50%)", recentRunsCount: 2, recentFailedCount: 2 });

    expect((await setPlayEnabled(deps, ws, play.uuid, true)).health).toMatchObject({ status: "healthy", reason: null, recentRunsCount: 0 });
    await updateDemoCompany(setup, outside[3]!, { country });
    await syncAgain(model.uuid);
    expect(await endedBatches(deps, workflow.uuid)).toHaveLength(2);
  });

  it("a workflow not deployed starts nothing and says why; a sync that fails starts nothing", async () => {
    const undeployed = await playOver({ changeKinds: ["added"], deploy: false });
    await updateDemoCompany(setup, undeployed.outside[0]!, { country: undeployed.country });
    await syncAgain(undeployed.model.uuid);
    expect(await endedBatches(deps, undeployed.workflow.uuid)).toEqual([]);
    expect((await getPlay(deps, ws, undeployed.play.uuid)).health).toMatchObject({ status: "healthy", reason: expect.stringContaining("Deploy the workflow first") });

    const { model, workflow, segment, country, outside } = await playOver({ changeKinds: ["added"], pageSize: 2 });
    for (const id of outside.slice(0, 3)) await updateDemoCompany(setup, id, { country });
    setup.proxy!.cutAfter("/extractors/records/fetch", 1); // the first page is stored, the second never comes
    const failed = await syncAgain(model.uuid);
    expect(failed.status).toBe("error");
    expect((await deps.db.segments.listChanges(segment.uuid, { syncUuid: failed.uuid, limit: 10 })).length).toBeGreaterThan(0);
    expect(await endedBatches(deps, workflow.uuid)).toEqual([]);
  });

  it("a play's workflow answers playNotCompatible to a run by workflow or release; its test run and segment stay guarded", async () => {
    const { workflow, play, segment } = await playOver({ changeKinds: ["added"] });
    await expect(createRun(deps, ws, { workflowUuid: workflow.uuid, data: {} })).rejects.toMatchObject({ status: 400, reason: "playNotCompatible" });
    await expect(createRun(deps, ws, { releaseUuid: play.deployedRelease!.uuid, data: {} })).rejects.toMatchObject({ status: 400, reason: "playNotCompatible" });
    const run = await testRunWorkflow(deps, ws, workflow.uuid, { id: "x" });
    expect(run).toMatchObject({ workflowUuid: workflow.uuid, releaseUuid: null });
    await expect(removeSegment(deps, ws, segment.uuid)).rejects.toMatchObject({ status: 409, reason: "segmentInUse" });
    await expect(createPlay(deps, ws, { workflowUuid: workflow.uuid, name: "Again", modelUuid: play.modelUuid, segmentUuid: segment.uuid })).rejects.toMatchObject({
      reason: "playExists",
    });
  });

  it("a sync's batch whose worker stops while it starts gets no further runs from it, and a worker's sweep goes on with the batch", async () => {
    const { model, workflow, play, country, outside } = await playOver({ changeKinds: ["added"] });
    // Disabled while it syncs, so that the sync's own trigger starts nothing and this one is the first.
    await setPlayEnabled(deps, ws, play.uuid, false);
    await updateDemoCompany(setup, outside[0]!, { country });
    const sync = await syncAgain(model.uuid);
    await setPlayEnabled(deps, ws, play.uuid, true);
    // The worker begins stopping once the play's trigger has read its records, before the batch's runs are made.
    const stopping = new AbortController();
    const plays = deps.db.plays;
    const stoppingDeps = {
      ...deps,
      db: { ...deps.db, plays: { ...plays, changedRecords: async (...args: Parameters<typeof plays.changedRecords>) => ((result) => (stopping.abort(), result))(await plays.changedRecords(...args)) } },
    };
    await triggerPlays(stoppingDeps, { workspaceUuid: ws, modelUuid: model.uuid, syncUuid: sync.uuid }, stopping.signal);
    expect(stopping.signal.aborted).toBe(true);
    const row = await deps.db.client.get<{ uuid: string; status: string; lease_owner: string | null }>("SELECT uuid, status, lease_owner FROM batches WHERE workflow_uuid = ?", [workflow.uuid]);
    expect(row).toMatchObject({ status: "pending", lease_owner: null });
    expect(await batchRuns(deps, row!.uuid)).toEqual([]);
    const [batch] = await endedBatches(deps, workflow.uuid);
    expect(batch).toMatchObject({ uuid: row!.uuid, status: "success", runsCount: 1 });
  });
});
