import { expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID as ws } from "@/lib/db";
import type { Deps } from "./deps";
import { createRun } from "./runs";
import { graph } from "./testing/nodes";
import { testProcesses } from "./testing/test-deps";

// How a run lands: with its job (a web process; on Postgres in the statement that inserts it), or
// leased to the worker that creates it and executes it at once (no job, no claim). Both dialects.
const processes = testProcesses();

const nodes = graph({ slug: "start", children: ["end"] }, { slug: "end" });
// A delay short enough to be waited inside the walk (not parked): the run stays held meanwhile.
const waiting = graph({ slug: "start", children: ["wait"] }, { slug: "wait", actionSlug: "delay", config: { minutes: 0.01 }, children: ["end"] }, { slug: "end" });

// Long enough (0.9 s) to look at the run between its first save (250 ms in) and its end, short
// enough to be waited inside the walk (not parked: INLINE_DELAY_MAX_MS).
const slow = graph({ slug: "start", children: ["wait"] }, { slug: "wait", actionSlug: "delay", config: { minutes: 0.015 }, children: ["end"] }, { slug: "end" });

/** graphile-worker's jobs for a run (Postgres only). */
async function jobsOf(deps: Deps, runUuid: string): Promise<number> {
  const row = await deps.db.client.get<{ count: number }>("SELECT COUNT(*) AS count FROM graphile_worker.jobs WHERE key = ?", [`run.execute:${ws}:${runUuid}`]);
  return row?.count ?? 0;
}

it("a web process's run lands with its job, and a run that cannot be inserted leaves no job", async () => {
  const storage = await processes.storage();
  const web = await processes.open("web");
  const run = await createRun(web, ws, { nodes, data: {} });
  expect((await web.db.runLeases.holderOf(run.uuid))!.owner).toBeNull();
  if (storage.dialect === "postgres") {
    expect(await jobsOf(web, run.uuid)).toBe(1);
    // An insert that fails (the uuid exists) adds no job either: both are one statement.
    const state = (await web.db.runs.load(ws, run.uuid))!;
    const job = web.runs.jobs.addExpression("run.execute", { workspaceUuid: ws, runUuid: "not-inserted" })!;
    await expect(web.db.runs.create(state, { also: job })).rejects.toThrow();
    expect(await jobsOf(web, "not-inserted")).toBe(0);
  }
  // Nobody executes it here; a worker starting later takes it (its job on Postgres, the sweep on SQLite).
  expect((await web.db.runs.load(ws, run.uuid))!.run.status).toBe("pending");
  await processes.open("all");
  await expect.poll(async () => (await web.db.runs.load(ws, run.uuid))!.run.status, { timeout: 8_000 }).toBe("success");
});

it("a worker with a free slot inserts its run already leased to itself, with no job, and ends it", async () => {
  const storage = await processes.storage();
  const app = await processes.open("all");
  const run = await createRun(app, ws, { nodes: waiting, data: {} }, { wait: false });
  // Held by this process from the insert on, while the walk waits.
  expect((await app.db.runLeases.holderOf(run.uuid))!.owner).toBe(app.runs.owner);
  if (storage.dialect === "postgres") expect(await jobsOf(app, run.uuid)).toBe(0);
  await expect.poll(async () => (await app.db.runs.load(ws, run.uuid))!.run.status, { timeout: 5_000 }).toBe("success");
  // Ended: the lease went with the last save.
  expect((await app.db.runLeases.holderOf(run.uuid))!.owner).toBeNull();
});

it("on Postgres, runs created and ended together share their insert and save statements", async () => {
  const storage = await processes.storage();
  const app = await processes.open("all");
  const batched = { inserts: 0, saves: 0 };
  const { writeMany } = app.db.runs;
  app.db.runs.writeMany = (creates, saves) => ((batched.inserts += creates.length), (batched.saves += saves.length), writeMany(creates, saves));
  // Not awaited by their caller: inserted at once, then saved when they end.
  const runs = await Promise.all(Array.from({ length: 20 }, () => createRun(app, ws, { nodes, data: {} }, { wait: false })));
  for (const run of runs) await expect.poll(async () => (await app.db.runs.load(ws, run.uuid))!.run.status, { timeout: 5_000 }).toBe("success");
  if (storage.dialect === "postgres") {
    expect(batched.inserts).toBeGreaterThan(0);
    expect(batched.saves).toBeGreaterThan(0);
  } else {
    // SQLite commits its writes in groups already, one statement each.
    expect(batched).toEqual({ inserts: 0, saves: 0 });
  }
});

/** Every write of a run row the process makes, as `<kind>:<status>` by run uuid, whichever path it takes. */
function recordRunWrites(deps: Deps) {
  const writes = new Map<string, string[]>();
  const note = (kind: string, state: { run: { uuid: string; status: string } }) => writes.set(state.run.uuid, [...(writes.get(state.run.uuid) ?? []), `${kind}:${state.run.status}`]);
  const { create, save, writeMany } = deps.db.runs;
  deps.db.runs.create = (state, options) => (note("insert", state), create(state, options));
  deps.db.runs.save = (state, options) => (note("save", state), save(state, options));
  deps.db.runs.writeMany = (creates, saves) => {
    for (const { state } of creates) note("insert", state);
    for (const { state } of saves) note("save", state);
    return writeMany(creates, saves);
  };
  return writes;
}

it("writes a run its caller waits for once, when it ends: its insert is held until the first save", async () => {
  await processes.storage();
  const app = await processes.open("all");
  const writes = recordRunWrites(app);
  const run = await createRun(app, ws, { nodes, data: {} }, { wait: true });
  expect(run.status).toBe("success");
  expect(writes.get(run.uuid)).toEqual(["insert:success"]);
  expect((await app.db.runs.load(ws, run.uuid))!.run.status).toBe("success");
  // Ended: written without a lease, as an ended run's last save leaves it.
  expect((await app.db.runLeases.holderOf(run.uuid))!.owner).toBeNull();
  // A run nobody waits for is inserted at once, as before, and saved when it ends.
  const queued = await createRun(app, ws, { nodes, data: {} }, { wait: false });
  await expect.poll(async () => (await app.db.runs.load(ws, queued.uuid))!.run.status, { timeout: 5_000 }).toBe("success");
  expect(writes.get(queued.uuid)?.[0]).toBe("insert:pending");
});

it("inserts a waited-for run that takes longer while it runs, so it shows meanwhile, leased to this process", async () => {
  await processes.storage();
  const app = await processes.open("all");
  const writes = recordRunWrites(app);
  const ended = createRun(app, ws, { nodes: slow, data: {} }, { wait: true });
  await expect.poll(() => writes.size, { timeout: 2_000 }).toBe(1);
  const [uuid] = [...writes.keys()];
  // Committed soon after the statement goes out; its status and holder read together, while it runs.
  const seen = async () => ({ status: (await app.db.runs.load(ws, uuid!))?.run.status, owner: (await app.db.runLeases.holderOf(uuid!))?.owner });
  await expect.poll(seen, { timeout: 2_000 }).toEqual({ status: "running", owner: app.runs.owner });
  const run = await ended;
  expect(run.status).toBe("success");
  expect(writes.get(uuid!)![0]).toBe("insert:running");
  expect(writes.get(uuid!)!.at(-1)).toBe("save:success");
});

it("ends a waited-for run `error` from its state as created when the store refuses the state it ended with", async () => {
  await processes.storage();
  const app = await processes.open("all");
  const refuse = (state: { run: { status: string } }) => state.run.status === "success";
  const { create, writeMany } = app.db.runs;
  app.db.runs.create = (state, options) => (refuse(state) ? Promise.reject(new Error("refused by the test")) : create(state, options));
  app.db.runs.writeMany = (creates, saves) => (creates.some(({ state }) => refuse(state)) ? Promise.reject(new Error("refused by the test")) : writeMany(creates, saves));
  const run = await createRun(app, ws, { nodes, data: {} }, { wait: true });
  expect(run.status).toBe("error");
  expect(run.errorMessage).toContain("refused by the test");
  expect((await app.db.runs.load(ws, run.uuid))!.run.status).toBe("error");
});

it("answers 500, not 404, for a waited-for run that could not be stored at all, and stores nothing of it later", async () => {
  await processes.storage();
  const app = await processes.open("all");
  const refused = new Set<string>();
  const { create, writeMany } = app.db.runs;
  app.db.runs.create = (state) => (refused.add(state.run.uuid), Promise.reject(new Error("refused by the test")));
  app.db.runs.writeMany = (creates, saves) => {
    for (const { state } of creates) refused.add(state.run.uuid);
    return creates.length > 0 ? Promise.reject(new Error("refused by the test")) : writeMany(creates, saves);
  };
  await expect(createRun(app, ws, { nodes, data: {} }, { wait: true })).rejects.toMatchObject({ code: "internal" });
  expect(refused.size).toBe(1);
  const [uuid] = [...refused];
  app.db.runs.create = create;
  app.db.runs.writeMany = writeMany;
  // Forgotten with its walk: no timer inserts it afterwards.
  await new Promise((resolve) => setTimeout(resolve, 1_300));
  expect(await app.db.runs.load(ws, uuid!)).toBeNull();
});

it("gives runs time-ordered uuids (version 7), so each insert lands at the end of the primary key's index", async () => {
  await processes.storage();
  const app = await processes.open("all");
  const uuids: string[] = [];
  for (let index = 0; index < 5; index++) uuids.push((await createRun(app, ws, { nodes, data: {} }, { wait: true })).uuid);
  for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect([...uuids].sort()).toEqual(uuids);
});
