import { createWriteBatcher, WRITE_ALONE } from "../write-batcher";
import type { RunCreate, RunSave } from "./run-batch-writes";
import type { RunRepository, StoredRunState } from "./runs";

type RunWrite = ({ kind: "create" } & RunCreate) | ({ kind: "save" } & RunSave);

/**
 * A run's insert and its saves, coalesced across runs (`write-batcher.ts`): the runs created or
 * saved while a statement is in flight share the next one, inserts and saves together
 * (`runs.writeMany`). One slot, not more: in the bench two made smaller batches, more statements
 * and fewer runs a second, and so did a slot for each kind (a statement costs the server about
 * as much as the rows in it, planned or not). A save alone goes as a batch of one, never waiting
 * for a row lock (SAVE_MANY_SQL); a run whose row another transaction holds is then saved on its
 * own, outside the slot, waiting for the lock as `save` does. Each write still resolves only once
 * it is committed, and answers as `create` and `save` do, so the engine sees no difference but
 * fewer round trips. For Postgres, where the round trip is most of a write's cost; SQLite
 * commits its writes in groups already (`sqlite/group-commit.ts`).
 *
 * A state is serialized when its statement goes out, not when `save` is called: the engine
 * changes a run's state only between awaits, and every output in it was checked storable before
 * it got there, so whatever the state is by then is a whole state to save.
 */
export function coalescedRunWrites(runs: Pick<RunRepository, "create" | "save" | "writeMany">) {
  const writes = createWriteBatcher<RunWrite, boolean | undefined>({
    key: ({ state }) => state.run.uuid,
    many: async (items) => {
      const creates = items.filter((item) => item.kind === "create");
      const saves = items.filter((item) => item.kind === "save");
      const saved = await runs.writeMany(creates, saves);
      let next = 0;
      // In the items' order: nothing for an insert; a save's answer, or alone when it was skipped.
      return items.map((item) => {
        if (item.kind === "create") return undefined;
        const answer = saved[next++];
        return answer === "skipped" ? WRITE_ALONE : answer;
      });
    },
    one: async (item) => (item.kind === "create" ? void (await runs.create(item.state, { lease: item.lease })) : runs.save(item.state, { leaseOwner: item.leaseOwner })),
    // An insert alone is `create`; a save alone goes through `many`, which never waits for a lock.
    alone: (item) => item.kind === "create",
  });
  return {
    /** `runs.create(state, { lease })`. */
    create: async (state: StoredRunState, lease?: RunCreate["lease"]): Promise<void> => void (await writes.write({ kind: "create", state, lease })),
    /** `runs.save(state, { leaseOwner })`. */
    save: async (state: StoredRunState, leaseOwner?: string): Promise<boolean> => (await writes.write({ kind: "save", state, leaseOwner }))!,
  };
}
