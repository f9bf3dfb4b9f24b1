import { createWriteBatcher, WRITE_ALONE } from "../write-batcher";
import type { RunLease, RunRepository, StoredRunState } from "./runs";

/**
 * A run's insert and its saves, coalesced across runs (`write-batcher.ts`): runs created or
 * saved while a statement of the kind is in flight share the next one. One slot each, not more:
 * in the bench two slots made smaller batches, more statements and fewer runs a second. A lone
 * save waits for a row lock as `save` does (the batch statement never does), holding up the
 * saves queued behind it meanwhile; run rows are locked only by short statements and transactions. Each write
 * still resolves only once it is committed, and answers as `create` and `save` do, so the engine
 * sees no difference but fewer round trips. For Postgres, where the round trip is most of a
 * write's cost to the app; SQLite commits its writes in groups already (`sqlite/group-commit.ts`).
 *
 * A state is serialized when its statement goes out, not when `save` is called: the engine
 * changes a run's state only between awaits, and every output in it was checked storable before
 * it got there, so whatever the state is by then is a whole state to save.
 */
export function coalescedRunWrites(runs: Pick<RunRepository, "create" | "save" | "createMany" | "saveMany">) {
  const inserts = createWriteBatcher<{ state: StoredRunState; lease?: RunLease }, void>({
    key: ({ state }) => state.run.uuid,
    many: async (items) => {
      await runs.createMany(items);
      return items.map(() => undefined);
    },
    one: ({ state, lease }) => runs.create(state, { lease }),
  });
  const saves = createWriteBatcher<{ state: StoredRunState; leaseOwner?: string }, boolean>({
    key: ({ state }) => state.run.uuid,
    // A run whose row another transaction holds is saved alone, waiting for it as `save` does.
    many: async (items) => (await runs.saveMany(items)).map((saved) => (saved === "skipped" ? WRITE_ALONE : saved)),
    one: ({ state, leaseOwner }) => runs.save(state, { leaseOwner }),
  });
  return {
    /** `runs.create(state, { lease })`. */
    create: (state: StoredRunState, lease?: RunLease): Promise<void> => inserts.write({ state, lease }),
    /** `runs.save(state, { leaseOwner })`. */
    save: (state: StoredRunState, leaseOwner?: string): Promise<boolean> => saves.write({ state, leaseOwner }),
  };
}
