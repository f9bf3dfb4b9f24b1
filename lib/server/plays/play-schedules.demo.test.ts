import { beforeAll, describe, expect, it } from "vitest";
import type { CreatePlayRequestBody, WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { closeDeps, createDeps, type Deps } from "../deps";
import { createModel } from "../records/models";
import { createSegment } from "../records/segments";
import { deployDraft } from "../releases";
import { demoDeps } from "../testing/demo-deps";
import { graph, tmpl } from "../testing/nodes";
import { batchRuns, countryIs, endedBatches, storedCompanies, syncEnded } from "../testing/plays";
import { createWorkflow } from "../workflows";
import { createPlay, getPlay, setPlayEnabled, tickPlay, updatePlay } from ".";
import { createPlayScheduler } from "./play-scheduler";

// Plays on a cron schedule: real storage (both dialects), the demo CRM synced over HTTP, real croner jobs.
const ws = DEFAULT_WORKSPACE_UUID;
const setup = demoDeps("relay-play-schedules-", { demo: { rateLimit: null } });
let deps: Deps;
beforeAll(() => {
  ({ deps } = setup);
});

const echo: WorkflowNode[] = graph(
  { slug: "start", children: ["end"] },
  { slug: "end", actionSlug: "end", config: { variables: [{ type: "any", name: "id", value: tmpl("{{nodes.start.id}}") }] } },
);

/** Never ticks during a test: the tick handler is called with explicit times instead. */
const YEARLY = { type: "cron", cron: "0 0 1 1 *" } as const;

/** A synced companies model, a segment of one country, a (deployed) workflow and a scheduled play over them. */
async function scheduledPlay(play: Partial<CreatePlayRequestBody> & { deploy?: boolean } = {}) {
  const { deploy = true, ...fields } = play;
  const model = await createModel(deps, ws, {
    name: `Companies ${crypto.randomUUID().slice(0, 6)}`,
    extractor: { connectorUuid: setup.connectorUuid, extractorSlug: "records", config: { objectType: "companies", pageSize: 100 } },
  });
  await syncEnded(deps, model.uuid);
  const records = await storedCompanies(deps, model.uuid);
  const country = String(records[0]!.country);
  const segment = await createSegment(deps, ws, { modelUuid: model.uuid, name: country, filter: countryIs(country), sort: [] });
  const workflow = await createWorkflow(deps, ws, { name: "Scheduled play", nodes: echo });
  if (deploy) await deployDraft(deps, ws, null, { workflowUuid: workflow.uuid, description: "" });
  const created = await createPlay(deps, ws, { workflowUuid: workflow.uuid, name: "Daily", modelUuid: model.uuid, segmentUuid: segment.uuid, schedule: YEARLY, ...fields });
  const inside = records.filter((record) => record.country === country).map((record) => String(record.id));
  return { model, workflow, play: created, inside };
}

/** A second worker over the same storage, closed after `work`. */
async function withSecondWorker<T>(work: (second: Deps) => Promise<T>): Promise<T> {
  const second = await createDeps({ dataDir: setup.storage.dataDir, databaseUrl: setup.storage.databaseUrl, demoIntegrationUrl: setup.demo.url, version: "test" });
  try {
    return await work(second);
  } finally {
    await second.runs.queue.idle();
    await closeDeps(second);
  }
}

/** The play's trigger rows: tick key and batch, oldest first. */
async function triggers(playUuid: string) {
  return deps.db.client.all<{ trigger_key: string; batch_uuid: string; created_at: string }>(
    "SELECT trigger_key, batch_uuid, created_at FROM play_triggers WHERE play_uuid = ? ORDER BY trigger_key",
    [playUuid],
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`play schedules (${process.env.TEST_POSTGRES_URL ? "Postgres" : "SQLite"})`, () => {
  it("a tick starts one batch over the segment's records with the deployed release, whichever of two workers ticks; the next tick another", async () => {
    const { workflow, play, inside } = await scheduledPlay();
    const first = new Date("2030-01-01T10:00:00.000Z");
    const settled = await withSecondWorker((second) =>
      Promise.allSettled([tickPlay(deps, play.uuid, first), tickPlay(second, play.uuid, first), tickPlay(deps, play.uuid, first)]),
    );
    const started = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(started.filter(Boolean)).toHaveLength(1);
    // On SQLite a worker whose transaction meets the winner's lock fails with nothing written (decision 22).
    for (const result of settled) if (result.status === "rejected") expect(String(result.reason)).toMatch(/database is locked/);
    const [batch] = await endedBatches(deps, workflow.uuid);
    expect(batch).toMatchObject({
      uuid: started.find(Boolean),
      status: "success",
      runsCount: inside.length,
      releaseUuid: play.deployedRelease!.uuid,
      data: { kind: "schedule", playUuid: play.uuid, tickAt: first.toISOString(), runCreationRule: "always" },
    });
    expect((await batchRuns(deps, batch!.uuid)).map((run) => run.recordId)).toEqual([...inside].sort());

    expect(await tickPlay(deps, play.uuid, first)).toBeNull();
    expect(await tickPlay(deps, play.uuid, new Date("2030-01-01T10:01:00.000Z"))).toEqual(expect.any(String));
    expect((await endedBatches(deps, workflow.uuid)).map((ended) => ended.runsCount)).toEqual([inside.length, inside.length]);
    expect((await triggers(play.uuid)).map((row) => row.trigger_key)).toEqual(["cron:2030-01-01T10:00:00.000Z", "cron:2030-01-01T10:01:00.000Z"]);
  });

  it("a tick whose worker is stopping creates its batch's runs no further, and a worker's sweep goes on with the batch", async () => {
    const { workflow, play, inside } = await scheduledPlay();
    const stopping = new AbortController();
    stopping.abort(new Error("The worker is stopping"));
    const batchUuid = await tickPlay(deps, play.uuid, new Date("2030-02-01T10:00:00.000Z"), stopping.signal);
    expect(batchUuid).toEqual(expect.any(String));
    // Stopped before its first chunk of runs, with its lease given back.
    expect(await batchRuns(deps, batchUuid!)).toEqual([]);
    const row = await deps.db.client.get<{ status: string; lease_owner: string | null }>("SELECT status, lease_owner FROM batches WHERE uuid = ?", [batchUuid]);
    expect(row).toMatchObject({ status: "pending", lease_owner: null });
    const [batch] = await endedBatches(deps, workflow.uuid);
    expect(batch).toMatchObject({ uuid: batchUuid, status: "success", runsCount: inside.length });
  });

  it("a worker's stop stops the play ticks under way instead of waiting for their batches", async () => {
    const { play } = await scheduledPlay({ schedule: { type: "cron", cron: "* * * * * *" } });
    let ticked = 0;
    // A tick that would never end on its own: only the stop's signal ends it.
    const scheduler = createPlayScheduler(deps, {
      tick: (_deps, playUuid, _at, signal) =>
        new Promise((resolve) => {
          if (playUuid === play.uuid) ticked++;
          signal?.addEventListener("abort", () => resolve(null));
        }),
    });
    await scheduler.reconcile();
    await expect.poll(() => ticked, { timeout: 3_000 }).toBeGreaterThan(0);
    const started = Date.now();
    await scheduler.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("runCreationRule once: a later tick runs only records no tick ran", async () => {
    const { workflow, play, inside } = await scheduledPlay({ runCreationRule: "once" });
    expect(await tickPlay(deps, play.uuid, new Date("2030-01-01T10:00:00.000Z"))).toEqual(expect.any(String));
    expect(await tickPlay(deps, play.uuid, new Date("2030-01-01T10:01:00.000Z"))).toBeNull();
    const batches = await endedBatches(deps, workflow.uuid);
    expect(batches.map((batch) => batch.runsCount)).toEqual([inside.length]);
    const enrolled = await deps.db.plays.enrolledIds(play.uuid, "cron:2030-01-01T10:00:00.000Z");
    expect(enrolled).toEqual([...inside].sort());
  });

  it("a disabled play starts nothing; an undeployed one says why; a cron croner refuses is 400 naming schedule.cron", async () => {
    const undeployed = await scheduledPlay({ deploy: false });
    expect(await tickPlay(deps, undeployed.play.uuid, new Date("2030-01-01T10:00:00.000Z"))).toBeNull();
    expect((await getPlay(deps, ws, undeployed.play.uuid)).health.reason).toContain("Deploy the workflow first");

    const { workflow, play } = await scheduledPlay();
    await setPlayEnabled(deps, ws, play.uuid, false);
    expect(await tickPlay(deps, play.uuid, new Date("2030-01-01T10:00:00.000Z"))).toBeNull();
    expect(await endedBatches(deps, workflow.uuid, { settleMs: 0 })).toEqual([]);

    await expect(updatePlay(deps, ws, play.uuid, { schedule: { type: "cron", cron: "61 * * * *" } })).rejects.toMatchObject({
      status: 400,
      problems: [{ path: "schedule.cron", message: expect.stringContaining("minute") }],
    });
  });

  it("a per-second schedule ticks once per tick across two workers, and after a stop resumes at the next tick with no burst", async () => {
    const { workflow, play } = await scheduledPlay({ schedule: { type: "cron", cron: "* * * * * *" } });
    await withSecondWorker(async (second) => {
      const workers = [deps.runs.plays, second.runs.plays];
      await Promise.all(workers.map((worker) => worker.reconcile()));
      await sleep(3_200);
      await Promise.all(workers.map((worker) => worker.stop()));
      const stoppedAt = Date.now();
      await sleep(2_500);
      const restartedAt = Date.now();
      workers.forEach((worker) => worker.startSweeping());
      await sleep(2_500);
      await Promise.all(workers.map((worker) => worker.stop()));

      const rows = await triggers(play.uuid);
      const ticks = rows.map((row) => Date.parse(row.trigger_key.slice("cron:".length)));
      const before = ticks.filter((tick) => tick <= stoppedAt);
      const after = ticks.filter((tick) => tick > stoppedAt);
      expect(before.length).toBeGreaterThanOrEqual(2);
      expect(after.length).toBeGreaterThanOrEqual(1);
      // Every tick at most once, on whole seconds (a tick is skipped while the last one's batch
      // still runs, so a loaded machine may leave gaps), and none for the seconds it was stopped.
      const onLaterSeconds = (ticks: number[]) => ticks.every((tick, index) => index === 0 || (tick > ticks[index - 1]! && (tick - ticks[index - 1]!) % 1_000 === 0));
      expect(onLaterSeconds(before)).toBe(true);
      expect(after.every((tick) => tick >= restartedAt - 1_000)).toBe(true);
      expect(onLaterSeconds(after)).toBe(true);
      const batches = await endedBatches(deps, workflow.uuid);
      expect(batches.map((batch) => batch.uuid).sort()).toEqual(rows.map((row) => row.batch_uuid).sort());
      expect(new Set(batches.map((batch) => (batch.data as { tickAt: string }).tickAt)).size).toBe(batches.length);
    });
  }, 30_000);
});
