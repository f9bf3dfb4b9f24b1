import type { RunState } from "@/lib/engine";

/**
 * How long an insert is held at most. The walk saves a node still running after 250 ms, and its
 * progress every second (walk-saves.ts), and that save is the insert; this is for a walk that has
 * not saved by then.
 */
export const HOLD_INSERT_MS = 1_000;

interface Held {
  /** The run as created: what a flush, the timer, or a retry after a failed save inserts. */
  created: RunState;
  timer: ReturnType<typeof setTimeout>;
  /** The insert once it has gone out (the timer, a flush); whatever asks after that waits for it. */
  inserting?: Promise<void>;
  /** The walk is over: whichever way the insert under way ends, nothing stays held. */
  forgotten?: boolean;
}

/**
 * The insert of a run its caller waits for (`?waitUntilFinished=true`) and this process walks at
 * once, held until the run's first save, which is then the insert, of the state as it is by
 * then. A run that ends within milliseconds, the common case, is written once, ended, instead of
 * inserted `pending` and saved again: one statement of two, and no index entries made for a
 * pending run only to be removed (bench/README.md, "Eighth round"; docs/architecture.md, 25).
 *
 * The caller learns the uuid with the run's end; integrations see it sooner (in Idempotency-Keys),
 * and a request by that uuid meanwhile finds no run (for a second at most, unless the insert
 * fails). Whatever in this process would read or update the row first inserts what is held
 * (`flush`: the store's load and cancel, the lease heartbeat and hand-back), and so does a timer
 * after `HOLD_INSERT_MS`, so a run that takes longer shows in the runs list as any other (from
 * its first save, 250 ms in, as before). A save whose insert fails (a state the store refuses) leaves the run held as created,
 * so ending it `error` from there (`endUnsaved`) inserts that. Should the process die before the
 * insert, the run is gone with the caller's request.
 */
export function heldRunInserts(insert: (state: RunState) => Promise<void>, holdMs = HOLD_INSERT_MS) {
  const held = new Map<string, Held>();

  /** Inserts what is held for `uuid` now (once), as `state`, and waits for it; nothing when nothing is held. */
  const flushOne = (uuid: string, state?: RunState): Promise<void> => {
    const entry = held.get(uuid);
    if (!entry) return Promise.resolve();
    clearTimeout(entry.timer);
    // Forgotten once written, not before: a save that comes meanwhile waits for the row to exist.
    // A failed insert stays held as created, so the next save or flush tries again.
    entry.inserting ??= insert(state ?? entry.created).then(
      () => void held.delete(uuid),
      (error: unknown) => {
        entry.inserting = undefined;
        if (entry.forgotten) held.delete(uuid);
        throw error;
      },
    );
    return entry.inserting;
  };

  return {
    /** Holds the insert of `state` (its first save or a flush makes it). */
    hold(state: RunState): void {
      const uuid = state.run.uuid;
      // A timer's insert that fails is tried again by the run's next save.
      const timer = setTimeout(() => void flushOne(uuid).catch(() => undefined), holdMs);
      timer.unref?.();
      held.set(uuid, { created: state, timer });
    },

    /**
     * A save of `state`: when its insert is still held, that insert with the state as it is now,
     * and true; false when the row is written already (after waiting for an insert under way), so
     * the caller saves as usual.
     */
    async saveAsInsert(state: RunState): Promise<boolean> {
      for (;;) {
        const entry = held.get(state.run.uuid);
        if (!entry) return false;
        if (!entry.inserting) break;
        try {
          await entry.inserting;
          return false;
        } catch {
          // That insert (the timer's, a flush's) failed, not this save's: this one tries its own
          // state, unless another began meanwhile (then it waits for that one).
        }
      }
      await flushOne(state.run.uuid, state);
      return true;
    },

    /**
     * Inserts now whatever is held of these runs, before something reads or updates their rows;
     * answers the runs whose insert failed, with the error (each stays held), so one run's
     * failure is its own.
     */
    async flush(uuids: Iterable<string>): Promise<Map<string, unknown>> {
      const failed = new Map<string, unknown>();
      const inserts: Array<Promise<void>> = [];
      for (const uuid of uuids) if (held.has(uuid)) inserts.push(flushOne(uuid).catch((error: unknown) => void failed.set(uuid, error)));
      await Promise.all(inserts);
      return failed;
    },

    /** The walk of run `uuid` is over: an insert still held (it failed) is given up, with its state. */
    forget(uuid: string): void {
      const entry = held.get(uuid);
      if (!entry) return;
      clearTimeout(entry.timer);
      if (entry.inserting) entry.forgotten = true;
      else held.delete(uuid);
    },

    /** Whether the insert of run `uuid` is held (or under way). */
    holds(uuid: string): boolean {
      return held.has(uuid);
    },
  };
}
