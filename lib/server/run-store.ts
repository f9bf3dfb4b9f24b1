import {
  isTerminalRunStatus,
  type RunLeases,
  type RunQueue,
  type RunState,
  type RunStore,
  type RunSystem,
  type LeaseTiming,
} from "@/lib/engine";
import { coalescedRunWrites, type Database } from "@/lib/db";
import { heldRunInserts } from "./held-run-inserts";
import type { JobQueue } from "./jobs";

interface RunStoreContext {
  db: Database;
  /** This process, as the runs' lease holder. */
  owner: string;
  timing: LeaseTiming;
  jobs: JobQueue;
  /** Whether this process executes runs (ROLE worker or all). */
  executes: boolean;
}

/**
 * The engine's run store and leases over the database, for this process (`owner`): a run it
 * executes at once is inserted leased to it (or held until its first save, when its caller waits
 * for it: `held-run-inserts.ts`), any other goes to a job; saves are fenced by the lease; on
 * Postgres, runs written together share statements (`coalescedRunWrites`). `later` gives the
 * queue and the run system, which are made with this store, when a call needs them.
 */
export function createRunStore({ db, owner, timing, jobs, executes }: RunStoreContext, later: () => { queue: RunQueue; system: RunSystem }): { store: RunStore; leases: RunLeases } {
  const writes = db.client.dialect === "postgres" ? coalescedRunWrites(db.runs) : undefined;
  const insertLeased = (state: RunState) => {
    // A held insert may be of an ended run, whose last save lets go of the lease.
    const lease = isTerminalRunStatus(state.run.status) ? undefined : { owner, expiresAt: new Date(Date.now() + timing.leaseMs) };
    return writes ? writes.create(state, lease) : db.runs.create(state, { lease });
  };
  const held = heldRunInserts(insertLeased);
  const store: RunStore = {
    ...db.runs,
    // A worker starts the run itself at once when it has a free slot (or when, on SQLite, every
    // job comes back to it anyway): the run is inserted holding this process's lease, so no claim
    // follows, and walked from the state in hand, with no read-back (a run its caller waits for is
    // inserted by its first save: held-run-inserts.ts). It needs no job: should this
    // process die, the lease runs out and any worker's sweep takes the run over, as it does every
    // run of a dead worker. A busy worker of several, or a web-only process, leaves the run to a
    // job, which lands with the run or not at all: on Postgres the very statement that inserts the
    // run adds it; the in-process queue (SQLite) writes nothing, and is told after.
    create: async (state, options) => {
      const payload = { workspaceUuid: state.run.workspaceUuid, runUuid: state.run.uuid };
      if (executes && later().queue.accepting && (later().queue.free > 0 || jobs.kind === "in-process")) {
        // Reserved first, so a cancel that comes as soon as the row exists reaches the walk.
        const forget = later().system.reserve(state.run.uuid);
        try {
          // A run its caller waits for is written with its first save, usually its end.
          if (options?.awaited) held.hold(state);
          else await insertLeased(state);
        } catch (error) {
          forget();
          throw error;
        }
        // The walk is over (or parked, which wrote the run): an insert still held had failed.
        void later().queue.adopt(state, forget).finally(() => held.forget(state.run.uuid));
        return;
      }
      const job = jobs.addExpression("run.execute", payload);
      await db.runs.create(state, { also: job ?? undefined });
      if (!job) await jobs.add(db.client, "run.execute", payload);
    },
    // Fenced: once another process has taken the run over, this one's writes are refused.
    // On Postgres, runs saved together share a statement.
    save: async (state) => {
      if (held.holds(state.run.uuid) && (await held.saveAsInsert(state))) return true;
      return writes ? writes.save(state, owner) : db.runs.save(state, { leaseOwner: owner });
    },
    // Whatever reads or updates a run's row first writes its held insert.
    load: async (workspaceUuid, runUuid) => {
      if (held.holds(runUuid)) {
        const failed = await held.flush([runUuid]);
        if (failed.has(runUuid)) throw failed.get(runUuid);
      }
      return db.runs.load(workspaceUuid, runUuid);
    },
    cancel: async (workspaceUuid, runUuids, at) => {
      await held.flush(runUuids);
      return db.runs.cancel(workspaceUuid, runUuids, at);
    },
  };
  const leases: RunLeases = {
    claim: (runUuid, until) => db.runLeases.claim(runUuid, owner, new Date(), until),
    // A run whose held insert fails has no row for another process to take: it counts as kept,
    // and its next save tries the insert again.
    renew: async (runUuids, until) => {
      const failed = await held.flush(runUuids);
      if (failed.size === 0) return db.runLeases.renew(runUuids, owner, until);
      return [...(await db.runLeases.renew(runUuids.filter((uuid) => !failed.has(uuid)), owner, until)), ...failed.keys()];
    },
    release: async (runUuid, availableAt) => {
      await held.flush([runUuid]);
      return db.runLeases.release(runUuid, owner, availableAt);
    },
    listClaimable: (limit) => db.runLeases.listClaimable(new Date(), limit),
  };
  return { store, leases };
}
