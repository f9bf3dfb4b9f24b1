import { describe, expect, it } from "vitest";
import type { RunState } from "@/lib/engine";
import { heldRunInserts } from "./held-run-inserts";

const stateOf = (uuid: string, status = "pending") => ({ run: { uuid, status } }) as unknown as RunState;

/** An insert that records the status each run had when it was written; `gate` holds it until opened. */
function recorder() {
  const inserted: string[] = [];
  let failNext = false;
  let gate: Promise<void> = Promise.resolve();
  const insert = async (state: RunState) => {
    const status = state.run.status;
    await gate;
    if (failNext) {
      failNext = false;
      throw new Error("disk full");
    }
    inserted.push(`${state.run.uuid}:${status}`);
  };
  return {
    insert,
    inserted,
    failOnce: () => (failNext = true),
    hold: () => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => open();
    },
  };
}

describe("heldRunInserts", () => {
  it("makes a run's first save its insert, of the state as it is then, and only once", async () => {
    const db = recorder();
    const held = heldRunInserts(db.insert, 10_000);
    held.hold(stateOf("a"));
    expect(held.holds("a")).toBe(true);
    expect(db.inserted).toEqual([]);
    expect(await held.saveAsInsert(stateOf("a", "success"))).toBe(true);
    expect(db.inserted).toEqual(["a:success"]);
    expect(held.holds("a")).toBe(false);
    // Written: the next save is an update, the caller's.
    expect(await held.saveAsInsert(stateOf("a", "success"))).toBe(false);
    expect(db.inserted).toEqual(["a:success"]);
  });

  it("inserts the run as created by itself after the hold, so a long run shows; a save then updates the row", async () => {
    const db = recorder();
    const held = heldRunInserts(db.insert, 20);
    held.hold(stateOf("b"));
    await expect.poll(() => db.inserted).toEqual(["b:pending"]);
    expect(held.holds("b")).toBe(false);
    expect(await held.saveAsInsert(stateOf("b", "success"))).toBe(false);
  });

  it("has a save that comes while the insert is under way wait for the row, then save as usual", async () => {
    const db = recorder();
    const held = heldRunInserts(db.insert, 10_000);
    held.hold(stateOf("c", "running"));
    const open = db.hold();
    const flushed = held.flush(["c", "not-held"]);
    let answered: boolean | undefined;
    const save = held.saveAsInsert(stateOf("c", "success")).then((value) => (answered = value));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBeUndefined();
    open();
    await flushed;
    expect(await save).toBe(false);
    expect(db.inserted).toEqual(["c:running"]);
  });

  it("keeps a run whose insert failed held as created, so its next save tries again", async () => {
    const db = recorder();
    const held = heldRunInserts(db.insert, 10_000);
    held.hold(stateOf("d"));
    db.failOnce();
    await expect(held.saveAsInsert(stateOf("d", "running"))).rejects.toThrow("disk full");
    expect(held.holds("d")).toBe(true);
    expect(await held.saveAsInsert(stateOf("d", "success"))).toBe(true);
    expect(db.inserted).toEqual(["d:success"]);
  });

  it("inserts the run as created, not a state a save had refused, when flushed after that save failed", async () => {
    const db = recorder();
    const held = heldRunInserts(db.insert, 10_000);
    held.hold(stateOf("e"));
    held.hold(stateOf("f"));
    db.failOnce();
    await expect(held.saveAsInsert(stateOf("e", "success"))).rejects.toThrow("disk full");
    // What ending the run `error` from its last saved state reads back first.
    const failed = await held.flush(["e", "f", "not-held"]);
    expect(failed.size).toBe(0);
    expect(db.inserted.sort()).toEqual(["e:pending", "f:pending"]);
  });

  it("answers a flush's failures one run at a time, and forgets a failed insert once its walk is over", async () => {
    const db = recorder();
    const held = heldRunInserts(db.insert, 10_000);
    held.hold(stateOf("g"));
    db.failOnce();
    const failed = await held.flush(["g"]);
    expect([...failed.keys()]).toEqual(["g"]);
    expect(String(failed.get("g"))).toContain("disk full");
    expect(held.holds("g")).toBe(true);
    held.forget("g");
    expect(held.holds("g")).toBe(false);
    expect(await held.saveAsInsert(stateOf("g", "success"))).toBe(false);
    expect(db.inserted).toEqual([]);
  });

  it("has a save whose state was not the one a failed insert tried insert its own", async () => {
    const db = recorder();
    const held = heldRunInserts(db.insert, 10_000);
    held.hold(stateOf("h"));
    const open = db.hold();
    db.failOnce();
    const flushed = held.flush(["h"]);
    const save = held.saveAsInsert(stateOf("h", "success"));
    open();
    expect((await flushed).has("h")).toBe(true);
    expect(await save).toBe(true);
    expect(db.inserted).toEqual(["h:success"]);
    expect(held.holds("h")).toBe(false);
  });

  it("has a save that waited for a failed insert save as usual when another insert began meanwhile", async () => {
    const db = recorder();
    let calls = 0;
    const held = heldRunInserts((state) => {
      const insert = db.insert(state);
      // As the first insert fails, and before the waiting save hears of it, a flush inserts the run as created.
      if (++calls === 1) insert.catch(() => queueMicrotask(() => void held.flush(["i"])));
      return insert;
    }, 10_000);
    held.hold(stateOf("i"));
    const open = db.hold();
    db.failOnce();
    const flushed = held.flush(["i"]);
    const save = held.saveAsInsert(stateOf("i", "success"));
    open();
    expect((await flushed).has("i")).toBe(true);
    // The row holds the run as created: this save is not its insert, and is made as an update.
    expect(await save).toBe(false);
    expect(db.inserted).toEqual(["i:pending"]);
  });

  it("keeps nothing of a run forgotten while its insert is under way, whichever way the insert ends", async () => {
    for (const fails of [true, false]) {
      const db = recorder();
      const held = heldRunInserts(db.insert, 10_000);
      held.hold(stateOf("i"));
      const open = db.hold();
      if (fails) db.failOnce();
      const flushed = held.flush(["i"]);
      held.forget("i");
      expect(held.holds("i")).toBe(true);
      open();
      expect((await flushed).size).toBe(fails ? 1 : 0);
      expect(held.holds("i")).toBe(false);
    }
  });
});
