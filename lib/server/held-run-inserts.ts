import type { RunState } from "@/lib/engine";

/**
 * How long an insert is held at most. The walk saves a node still running after 250 ms, and its
 * progress every second (walk-saves.ts), and that save is the insert; this is for a walk that has
 * not saved by then.
 */
export const HOLD_INSERT_MS = 1_000;

interface Held {
  state: RunState;
  timer: ReturnType<typeof setTimeout>;
  /** The insert once it has gone out (the timer, a flush); whatever asks after that waits for it. */
  inserting?: Promise<void>;
}

/**
 * The insert of a run its caller waits for (`?waitUntilFinished=true`) and this process walks at
 * once, held until the run's first save, which is then the insert, of the state as it is by
 * then. A run that ends within milliseconds, the common case, is written once, ended, instead of
 * inserted `pending` and saved again: one statement of two, and no index entries made for a
 * pending run only to be removed (bench/README.md, "Eighth round").
 *
 * Nobody can ask for the run meanwhile: its uuid reaches the caller with its end. Whatever in
 * this process would read or update its row first inserts what is held (`flush`: the lease
 * heartbeat, a hand-back, a load after a failed save), and so does a timer after
 * `HOLD_INSERT_MS`, so a run that takes longer shows in the runs list as any other (from its
 * first save, 250 ms in, as before). Should the
 * process die before the insert, the run is gone with the caller's request, as it would be had
 * it died before an insert made first; an integration it called was called with the run's
 * Idempotency-Key, as on any resumed run.
 */
export function heldRunInserts(insert: (state: RunState) => Promise<void>, holdMs = HOLD_INSERT_MS) {
  const held = new Map<string, Held>();

  /** Inserts what is held for `uuid` now (once), and waits for it; nothing when nothing is held. */
  const flushOne = (uuid: string): Promise<void> => {
    const entry = held.get(uuid);
    if (!entry) return Promise.resolve();
    clearTimeout(entry.timer);
    // Forgotten once written, not before: a save that comes meanwhile waits for the row to exist.
    // A failed insert stays held, so the next save or flush tries it again.
    entry.inserting ??= insert(entry.state).then(
      () => void held.delete(uuid),
      (error: unknown) => {
        entry.inserting = undefined;
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
      held.set(uuid, { state, timer });
    },

    /**
     * A save of `state`: when its insert is still held, that insert with the state as it is now,
     * and true; false when the row is written already (after waiting for an insert under way), so
     * the caller saves as usual.
     */
    async saveAsInsert(state: RunState): Promise<boolean> {
      const entry = held.get(state.run.uuid);
      if (!entry) return false;
      if (entry.inserting) {
        await entry.inserting;
        return false;
      }
      entry.state = state;
      await flushOne(state.run.uuid);
      return true;
    },

    /** Inserts now whatever is held of these runs, before something reads or updates their rows. */
    async flush(uuids: Iterable<string>): Promise<void> {
      const inserts: Array<Promise<void>> = [];
      for (const uuid of uuids) if (held.has(uuid)) inserts.push(flushOne(uuid));
      await Promise.all(inserts);
    },

    /** Whether the insert of run `uuid` is held (or under way). */
    holds(uuid: string): boolean {
      return held.has(uuid);
    },

    /** How many runs have their insert held; for tests. */
    get size(): number {
      return held.size;
    },
  };
}

export type HeldRunInserts = ReturnType<typeof heldRunInserts>;
