import { describe, expect, it } from "vitest";
import type { Execution } from "@/lib/contract";
import { createMemoryRunStore } from "./memory-run-store";
import type { RunState } from "./ports";
import { createRunEndings } from "./run-endings";
import { createFakeClock } from "./testing/fake-clock";

const ws = "00000000-0000-4000-8000-000000000001";
const execution = (nodeUuid: string, startedAt: string, status: Execution["status"] = "success"): Execution => ({
  nodeUuid,
  nodeSlug: nodeUuid,
  nodeKind: "native",
  nodeActionSlug: "httpRequest",
  nodeChildIndex: null,
  nextNodeUuid: null,
  status,
  errorMessage: null,
  title: "",
  attempts: 1,
  startedAt,
  finishedAt: null,
});
const stateWith = (executions: Execution[]): RunState => ({
  run: {
    uuid: "00000000-0000-4000-8000-0000000000aa",
    workspaceUuid: ws,
    workflowUuid: null,
    releaseUuid: null,
    nodes: [],
    data: {},
    batchUuid: null,
    recordId: null,
    recordTitle: null,
    status: "running",
    errorMessage: null,
    output: null,
    executions,
    createdAt: "2030-01-01T00:00:00.000Z",
    updatedAt: "2030-01-01T00:00:00.000Z",
    finishedAt: null,
  },
  outputs: {},
  computedConfigs: {},
  cursorNodeUuid: null,
});

describe("settling a cancel over a walk's own state", () => {
  async function cancelledRun(stored: Execution[]) {
    const store = createMemoryRunStore();
    const endings = createRunEndings({ store, clock: createFakeClock() });
    const state = stateWith(stored);
    await store.create(state);
    await store.cancel(ws, [state.run.uuid], "2030-01-01T00:01:00.000Z");
    return { store, endings, uuid: state.run.uuid };
  }

  it("keeps what the walk did since the last save when it carries on from it", async () => {
    const { store, endings, uuid } = await cancelledRun([execution("a", "2030-01-01T00:00:01.000Z")]);
    const live = stateWith([execution("a", "2030-01-01T00:00:01.000Z"), execution("b", "2030-01-01T00:00:02.000Z", "running")]);
    await endings.settleCancelled(ws, uuid, live);
    expect((await store.load(ws, uuid))!.run.executions.map((e) => `${e.nodeUuid}:${e.status}`)).toEqual(["a:success", "b:cancelled"]);
  });

  it("leaves the stored run alone when the walk is stale (another process went further from an older save)", async () => {
    const { store, endings, uuid } = await cancelledRun([execution("a", "2030-01-01T00:00:05.000Z"), execution("b", "2030-01-01T00:00:06.000Z")]);
    const stale = stateWith([execution("a", "2030-01-01T00:00:01.000Z"), execution("b", "2030-01-01T00:00:02.000Z", "running")]);
    await endings.settleCancelled(ws, uuid, stale);
    expect((await store.load(ws, uuid))!.run.executions.map((e) => `${e.nodeUuid}:${e.startedAt}`)).toEqual([
      "a:2030-01-01T00:00:05.000Z",
      "b:2030-01-01T00:00:06.000Z",
    ]);
  });
});
