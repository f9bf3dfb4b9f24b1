import type { SqlClient } from "../sql-client";
import { INSERT_MANY_SQL, SAVE_MANY_SQL, textArrayLiteral, WRITE_MANY_SQL, wellFormed } from "./run-batch-sql";
import { insertRow, saveRow, type RunLease, type StoredRunState } from "./run-rows";

export interface RunCreate {
  state: StoredRunState;
  lease?: RunLease;
}

export interface RunSave {
  state: StoredRunState;
  leaseOwner?: string;
}

/** A run's own insert and save, over any client (a transaction's, here). */
interface OneRunWrites {
  create(state: StoredRunState, options?: { lease?: RunLease }): Promise<void>;
  save(state: StoredRunState, options?: { leaseOwner?: string }): Promise<boolean>;
}

/**
 * The run repository's writes of several runs at once, used by `coalescedRunWrites` to let runs
 * created and saved together share a round trip. On Postgres each is one statement; on SQLite,
 * one transaction of the single-run writes (its group commit shares commits already).
 */
export function runBatchWrites(db: SqlClient, oneRun: (client: SqlClient) => OneRunWrites) {
  const insertRows = (creates: readonly RunCreate[]) => JSON.stringify(creates.map(({ state, lease }) => wellFormed(insertRow(state, lease))));
  const saveParams = (saves: readonly RunSave[]) => {
    const rows = saves.map(({ state, leaseOwner }) => wellFormed({ ...saveRow(state), lease_owner: leaseOwner ?? null, fenced: leaseOwner !== undefined }));
    const uuids = textArrayLiteral(saves.map(({ state }) => state.run.uuid));
    return [JSON.stringify(rows), uuids, uuids];
  };
  /** Each save's answer, in order: a run the statement did not lock (held, or missing) is `skipped`. */
  const answersOf = (saves: readonly RunSave[], answered: ReadonlyArray<{ uuid: string; written: boolean }>) => {
    const written = new Map(answered.map((row) => [row.uuid, row.written]));
    return saves.map(({ state }) => written.get(state.run.uuid) ?? ("skipped" as const));
  };
  const inTransaction = async (creates: readonly RunCreate[], saves: readonly RunSave[]) =>
    db.transaction(async (tx) => {
      const runs = oneRun(tx);
      for (const { state, lease } of creates) await runs.create(state, { lease });
      const saved: boolean[] = [];
      for (const { state, leaseOwner } of saves) saved.push(await runs.save(state, { leaseOwner }));
      return saved;
    });

  /** Inserts several runs, exactly as `create` does each: all or none. */
  const createMany = async (creates: readonly RunCreate[]): Promise<void> => {
    if (db.dialect === "sqlite") return void (await inTransaction(creates, []));
    await db.run(INSERT_MANY_SQL, [insertRows(creates)]);
  };

  /**
   * `save` for several runs (each uuid once): answers, in order, whether each was written, by
   * the same rules as `save`, or `skipped` for a run whose row another transaction holds (or that
   * is missing): the statement waits for no lock (SAVE_MANY_SQL), so the caller saves those alone.
   */
  const saveMany = async (saves: readonly RunSave[]): Promise<Array<boolean | "skipped">> => {
    if (db.dialect === "sqlite") return inTransaction([], saves);
    return answersOf(saves, await db.all<{ uuid: string; written: boolean }>(SAVE_MANY_SQL, saveParams(saves)));
  };

  return {
    createMany,
    saveMany,

    /**
     * `createMany` and `saveMany` at once, other runs each (a run's save follows its insert), in
     * one statement: all the inserts or none, and the saves' answers as `saveMany`'s.
     */
    async writeMany(creates: readonly RunCreate[], saves: readonly RunSave[]): Promise<Array<boolean | "skipped">> {
      if (db.dialect === "sqlite") return inTransaction(creates, saves);
      if (saves.length === 0) return (await createMany(creates), []);
      if (creates.length === 0) return saveMany(saves);
      return answersOf(saves, await db.all<{ uuid: string; written: boolean }>(WRITE_MANY_SQL, [insertRows(creates), ...saveParams(saves)]));
    },
  };
}
