import os from "node:os";
import { expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID as ws } from "@/lib/db";
import { pidNamespace } from "./engine";
import { createRun } from "./runs";
import { graph } from "./testing/nodes";
import { testProcesses } from "./testing/test-deps";

const processes = testProcesses();
const open = processes.open.bind(processes);

it("a worker starting on this machine takes over at once the runs of a local process that is gone, but not a live one's", async () => {
  const web = await open("web");
  const nodes = graph({ slug: "start", children: ["end"] }, { slug: "end" });
  const orphan = await createRun(web, ws, { nodes, data: {} });
  const held = await createRun(web, ws, { nodes, data: {} });
  const hour = new Date(Date.now() + 3_600_000);
  const namespace = pidNamespace();
  // A pid that cannot exist (above Linux's pid_max), and this test's own, which does.
  expect(await web.db.runLeases.claim(orphan.uuid, `${os.hostname()}:99999999:${namespace}:gone`, new Date(), hour)).toBe(true);
  expect(await web.db.runLeases.claim(held.uuid, `${os.hostname()}:${process.pid}:${namespace}:alive`, new Date(), hour)).toBe(true);

  await open("worker");
  await expect.poll(async () => (await web.db.runs.load(ws, orphan.uuid))!.run.status, { timeout: 5_000 }).toBe("success");
  expect((await web.db.runs.load(ws, held.uuid))!.run.status).toBe("pending");
  expect((await web.db.runLeases.holderOf(held.uuid))!.owner).toBe(`${os.hostname()}:${process.pid}:${namespace}:alive`);
});

it("a run parked on a delay is released until its wake time and then taken up by a worker's sweep", async () => {
  const worker = await open("worker");
  const nodes = graph({ slug: "start", children: ["wait"] }, { slug: "wait", actionSlug: "delay", config: { minutes: 0.04 }, children: ["end"] }, { slug: "end" });
  const run = await createRun(worker, ws, { nodes, data: {} });
  // Parked: running, nobody holds it, and it may not be taken before the delay is over.
  await expect
    .poll(async () => {
      const holder = await worker.db.runLeases.holderOf(run.uuid);
      return holder?.owner === null && holder.expiresAt !== null;
    }, { timeout: 5_000 })
    .toBe(true);
  const parked = await worker.db.runLeases.holderOf(run.uuid);
  const started = (await worker.db.runs.load(ws, run.uuid))!.run.executions.find((e) => e.nodeSlug === "wait")!.startedAt;
  expect(Date.parse(parked!.expiresAt!)).toBe(Date.parse(started) + 0.04 * 60_000);
  expect(worker.runs.queue.size).toBe(0);
  await expect.poll(async () => (await worker.db.runs.load(ws, run.uuid))!.run.status, { timeout: 8_000 }).toBe("success");
});
