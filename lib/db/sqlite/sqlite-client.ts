import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { ReadCache } from "../read-cache";
import type { SqlClient, SqlRow, SqlValue } from "../sql-client";
import { ALL_TABLES, namesWhatItWrites, tablesReadBy, tablesWrittenBy } from "../watched-tables";
import { groupCommit } from "./group-commit";
import { otherConnections } from "./other-connections";
import { preparedStatements } from "./prepared-statements";
import { BUSY_WAIT_MS } from "./write-lock";

/** Opens (creating if needed) a SQLite file, tuned for one app process with concurrent readers. */
export function openSqliteClient(file: string): SqlClient {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a commit survives the
  // process dying (SIGKILL, a crash), and only a power cut or an OS crash can lose the last few,
  // never corrupting the file. FULL would block the event loop on an fsync per write, since
  // better-sqlite3 is synchronous. See docs/architecture.md, decision 15.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  return wrap(db, { inTransaction: false });
}

function wrap(db: BetterSqlite3.Database, state: { inTransaction: boolean }): SqlClient {
  const prepare = preparedStatements(db);
  // What `allCached` answered, forgotten table by table as this connection writes, and as another
  // connection (another process on the file) is seen to have changed them.
  const cache = new ReadCache();
  cache.setListening(true);
  const others = otherConnections(db, cache);
  /** Forgets what a statement that ran may have changed; reads are synchronous, so none comes between. */
  const wrote = (statement: BetterSqlite3.Statement) => {
    if (statement.readonly) return;
    // A write whose target the pattern does not see may have changed anything.
    if (!namesWhatItWrites(statement.source)) return cache.changed(ALL_TABLES);
    for (const table of tablesWrittenBy(statement.source)) cache.changed(table);
  };
  // Writes are committed in groups, one transaction per turn of the event loop; while a
  // `transaction()` is open they wait for its end, so its rollback cannot undo them.
  const writes = groupCommit(db, () => state.inTransaction, wrote);
  /** The transaction open on the connection, settling when it has ended; null when none is. */
  let open: Promise<void> | null = null;
  /** A statement run now, on the connection as it is (in the open transaction, for the transaction's own). */
  const runNow = <T>(statement: BetterSqlite3.Statement, how: (statement: BetterSqlite3.Statement) => T): T => {
    const result = how(statement);
    wrote(statement);
    return result;
  };
  /**
   * A transaction's own client: its statements run at once, inside it. Used after the transaction
   * ended (a reference kept), it throws rather than write outside it, or into another one.
   */
  const transactionClient = () => {
    const handle = { live: true, tx: undefined as unknown as SqlClient };
    const live = () => {
      if (!handle.live) throw new Error("A transaction's client was used after the transaction ended");
    };
    const tx: SqlClient = {
      dialect: "sqlite",
      all: async <T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) => (live(), runNow(prepare(sql), (s) => s.all(...params) as T[])),
      get: async <T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) => (live(), runNow(prepare(sql), (s) => s.get(...params) as T | undefined)),
      run: async (sql: string, params: readonly SqlValue[] = []) => (live(), { changes: runNow(prepare(sql), (s) => s.run(...params)).changes }),
      // What a transaction reads may yet be rolled back: never kept.
      allCached: async <T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) => {
        tablesReadBy(sql);
        return tx.all<T>(sql, params);
      },
      // A nested call joins it.
      transaction: async (work) => (live(), work(tx)),
      close: async () => undefined,
    };
    handle.tx = tx;
    return handle;
  };
  /**
   * The transaction whose work is running, as seen from that work (and what it started): a call
   * it makes through the outer client (a helper given `deps`) joins it, as the work's own,
   * instead of waiting for its end, which would never come.
   */
  const insideWork = new AsyncLocalStorage<{ live: boolean; tx: SqlClient }>();
  const joined = () => {
    const handle = insideWork.getStore();
    return handle?.live ? handle.tx : undefined;
  };
  const client: SqlClient = {
    dialect: "sqlite",
    // A read runs at once (it sees what an open transaction wrote so far: one connection); a write
    // with RETURNING waits for an open transaction to end.
    async all<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      const tx = joined();
      if (tx) return tx.all<T>(sql, params);
      const statement = prepare(sql);
      // A write waits for an open transaction to end and runs in the same step as it sees none: an
      // await between (a helper's promise) would let a transaction queued behind it begin first.
      if (!statement.readonly) while (open) await open;
      return runNow(statement, (s) => s.all(...params) as T[]);
    },
    async get<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      const tx = joined();
      if (tx) return tx.get<T>(sql, params);
      const statement = prepare(sql);
      // A write waits for an open transaction to end and runs in the same step as it sees none: an
      // await between (a helper's promise) would let a transaction queued behind it begin first.
      if (!statement.readonly) while (open) await open;
      return runNow(statement, (s) => s.get(...params) as T | undefined);
    },
    /**
     * From memory while none of its tables changed: this connection's writes forget as they run,
     * and another connection's commits as they are seen, within 1 ms (`other-connections.ts`).
     * While a transaction is open on the connection, reads go to the file and nothing is kept:
     * what they see may yet be rolled back.
     */
    async allCached<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      const tx = joined();
      if (tx) return tx.allCached<T>(sql, params);
      if (state.inTransaction || db.inTransaction) {
        tablesReadBy(sql);
        return client.all<T>(sql, params);
      }
      others.look();
      return (await cache.read(sql, params, async () => prepare(sql).all(...params) as SqlRow[])) as readonly T[];
    },
    // Committed in groups, never while a transaction is open (the group commit waits for its end).
    async run(sql: string, params: readonly SqlValue[] = []) {
      const tx = joined();
      if (tx) return tx.run(sql, params);
      return writes.write(prepare(sql), params);
    },
    /**
     * better-sqlite3 transactions are synchronous; async work is bracketed by hand instead. One is
     * open at a time on the connection: a second caller's waits for the first to end, and the
     * work gets a client of its own (`tx`), so that what other callers write meanwhile stays out
     * of it, as on Postgres, where each transaction has its own connection.
     */
    async transaction<T>(work: (tx: SqlClient) => Promise<T>) {
      const outer = joined();
      if (outer) return outer.transaction(work);
      // Checked and taken with no await between: two callers in one turn must not both see none open.
      while (open) await open;
      let ended!: () => void;
      open = new Promise<void>((resolve) => (ended = resolve));
      try {
        // Nothing else opens one on this connection while `open` is set.
        if ((await writes.begin()) === "joined") throw new Error("A transaction was open on the connection already");
        state.inTransaction = true;
        const handle = transactionClient();
        try {
          const result = await insideWork.run(handle, () => work(handle.tx));
          db.exec("COMMIT");
          return result;
        } catch (error) {
          // SQLite may have rolled back already (a full disk, an I/O error): keep the original error.
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        } finally {
          handle.live = false;
          // Needed only while a transaction is open. On Node 20 an enabled AsyncLocalStorage runs
          // a hook at every promise made anywhere in the process (4% of a run's CPU under load);
          // disabled, Node turns the hook off until the next transaction's `run`.
          insideWork.disable();
          state.inTransaction = false;
          // Writes queued while it was open waited for it to end.
          writes.flushSoon();
        }
      } finally {
        open = null;
        ended();
      }
    },
    async close() {
      // A transaction still open ends first; closing would roll it back under its caller.
      while (open) await open;
      writes.flush();
      db.close();
    },
  };
  return client;
}
