import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { DEFAULT_WORKSPACE_UUID as WS } from "../migrations";
import { openDatabase, type Database } from "../open-database";
import type { StoredRunState } from "./runs";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
let sequence = 0;

function newRun(): StoredRunState {
  sequence += 1;
  const createdAt = at(sequence).toISOString();
  return {
    run: {
      uuid: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
      workspaceUuid: WS,
      workflowUuid: null,
      releaseUuid: null,
      nodes: [],
      data: {},
      batchUuid: null,
      recordId: null,
      recordTitle: null,
      status: "pending",
      errorMessage: null,
      output: null,
      executions: [],
      createdAt,
      updatedAt: createdAt,
      finishedAt: null,
    },
    outputs: {},
    computedConfigs: {},
    cursorNodeUuid: null,
  };
}

describe("run leases", () => {
  let storage: TestStorage;
  let db: Database;

  beforeEach(async () => {
    storage = await createTestStorage("leases-test-");
    db = await openDatabase(storage);
  });
  afterEach(async () => {
    await db.close();
    await storage.cleanup();
  });

  it("lets one of two racing processes take a free run, and the other only after the lease expires", async () => {
    const { run } = newRun();
    await db.runs.create({ ...newRun(), run });
    const both = await Promise.all([db.runLeases.claim(run.uuid, "a", at(100), at(110)), db.runLeases.claim(run.uuid, "b", at(100), at(110))]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const winner = both[0] ? "a" : "b";
    const loser = winner === "a" ? "b" : "a";
    expect(await db.runLeases.claim(run.uuid, loser, at(109), at(119))).toBe(false);
    expect(await db.runLeases.listClaimable(at(109), 10)).toEqual([]);
    // The winner stopped renewing (it died): at the expiry the run is free to the other.
    expect(await db.runLeases.listClaimable(at(110), 10)).toEqual([{ workspaceUuid: WS, uuid: run.uuid, orphaned: true }]);
    expect(await db.runLeases.claim(run.uuid, loser, at(110), at(120))).toBe(true);
    expect(await db.runLeases.holderOf(run.uuid)).toEqual({ owner: loser, expiresAt: at(120).toISOString() });
    // The old holder can neither renew nor write the run any more.
    expect(await db.runLeases.renew([run.uuid], winner, at(130))).toEqual([]);
    const stale = { ...newRun(), run: { ...run, status: "running" as const } };
    expect(await db.runs.save(stale, { leaseOwner: winner })).toBe(false);
    expect(await db.runs.save(stale, { leaseOwner: loser })).toBe(true);
    expect(await db.runLeases.renew([run.uuid], loser, at(130))).toEqual([run.uuid]);
    // A run cancelled meanwhile (by another process) is no longer renewed: its holder stops.
    await db.runs.cancel(WS, [run.uuid], at(125).toISOString());
    expect(await db.runLeases.renew([run.uuid], loser, at(140))).toEqual([]);
  });

  it("keeps a parked run from everyone until its wake time, and frees an ended run's lease with its last save", async () => {
    const state = newRun();
    await db.runs.create(state);
    expect(await db.runLeases.claim(state.run.uuid, "a", at(100), at(110))).toBe(true);
    await db.runLeases.release(state.run.uuid, "a", at(500));
    expect(await db.runLeases.listClaimable(at(499), 10)).toEqual([]);
    expect(await db.runLeases.listClaimable(at(500), 10)).toEqual([{ workspaceUuid: WS, uuid: state.run.uuid, orphaned: false }]);
    expect(await db.runLeases.claim(state.run.uuid, "b", at(499), at(509))).toBe(false);
    expect(await db.runLeases.claim(state.run.uuid, "b", at(500), at(510))).toBe(true);

    const ended = { ...state, run: { ...state.run, status: "success" as const, finishedAt: at(501).toISOString() } };
    expect(await db.runs.save(ended, { leaseOwner: "b" })).toBe(true);
    expect(await db.runLeases.holderOf(state.run.uuid)).toEqual({ owner: null, expiresAt: null });
    expect(await db.runLeases.claim(state.run.uuid, "c", at(600), at(610))).toBe(false);
  });
});
