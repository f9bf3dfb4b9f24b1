import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSaveQueue } from "./save-queue";

/** A fake document: `revision` bumps on edits, `saved` is what the server has. */
function setup({ failWith }: { failWith?: Error } = {}) {
  const state = { revision: 0, saved: 0 };
  const sent: number[] = [];
  const resolvers: Array<() => void> = [];
  const events: string[] = [];
  const queue = createSaveQueue({
    delayMs: 800,
    next: () => (state.revision > state.saved ? state.revision : null),
    save: (revision) => {
      sent.push(revision);
      return new Promise<void>((resolve, reject) => {
        resolvers.push(() => {
          if (failWith) return reject(failWith);
          state.saved = Math.max(state.saved, revision);
          resolve();
        });
      });
    },
    onSaving: () => events.push("saving"),
    onIdle: () => events.push("idle"),
    onFailed: () => events.push("failed"),
  });
  const edit = () => {
    state.revision++;
    queue.changed();
  };
  const finishSave = async () => {
    resolvers.shift()!();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { state, sent, events, queue, edit, finishSave, inFlight: () => resolvers.length };
}

describe("createSaveQueue", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once, 800 ms after the last of a burst of changes", async () => {
    const { sent, edit } = setup();
    edit();
    await vi.advanceTimersByTimeAsync(500);
    edit();
    edit();
    await vi.advanceTimersByTimeAsync(799);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([3]);
  });

  it("never has two saves in flight; a change made during a save is saved right after it", async () => {
    const { sent, edit, finishSave, inFlight, state, events } = setup();
    edit();
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual([1]);
    edit();
    await vi.advanceTimersByTimeAsync(800);
    expect(inFlight()).toBe(1);
    expect(sent).toEqual([1]);
    await finishSave();
    expect(sent).toEqual([1, 2]);
    await finishSave();
    expect(state.saved).toBe(2);
    expect(events).toEqual(["saving", "saving", "idle"]);
  });

  it("flush saves at once and resolves when everything is saved", async () => {
    const { sent, edit, finishSave, queue, state } = setup();
    edit();
    const flushed = queue.flush();
    expect(sent).toEqual([1]);
    let done = false;
    void flushed.then(() => (done = true));
    await finishSave();
    expect(done).toBe(true);
    expect(state.saved).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual([1]);
  });

  it("does nothing when nothing is unsaved", async () => {
    const { sent, queue } = setup();
    await queue.flush();
    queue.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([]);
  });

  it("reports a failure, keeps the edits unsaved and tries again on the next change", async () => {
    const { sent, edit, finishSave, events, state, queue } = setup({ failWith: new Error("offline") });
    edit();
    await vi.advanceTimersByTimeAsync(800);
    await finishSave();
    expect(events).toEqual(["saving", "failed"]);
    expect(state.saved).toBe(0);
    edit();
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual([1, 2]);
    const flushed = queue.flush();
    await finishSave();
    await expect(flushed).rejects.toThrow("offline");
  });

  it("dispose cancels a pending debounce", async () => {
    const { sent, edit, queue } = setup();
    edit();
    queue.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([]);
  });
});
