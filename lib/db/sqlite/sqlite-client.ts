import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { ReadCache } from "../read-cache";
import type { SqlClient, SqlRow, SqlValue } from "../sql-client";
import { ALL_TABLES, namesWhatItWrites, tablesReadBy, tablesWrittenBy } from "../watched-tables";
import { BUSY_WAIT_MS, groupCommit } from "./group-commit";

/** How often `allCached` looks whether another connection has committed, at most. */
const VERSION_LOOK_MS = 1;

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
  // Compiling a statement costs more than running most of ours; the texts are a fixed set.
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size < 5_000) statements.set(sql, statement);
    }
    return statement;
  };
  // What `allCached` answered, forgotten table by table as this connection writes, and wholly
  // when another connection (another process on the file) has committed since the last look.
  const cache = new ReadCache();
  cache.setListening(true);
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  let seenVersion = dataVersion.get();
  let versionSeenAt = performance.now();
  /** Forgets what a statement that ran may have changed; reads are synchronous, so none comes between. */
  const wrote = (statement: BetterSqlite3.Statement) => {
    if (statement.readonly) return;
    // A write whose target the pattern does not see may have changed anything.
    if (!namesWhatItWrites(statement.source)) return cache.changed(ALL_TABLES);
    for (const table of tablesWrittenBy(statement.source)) cache.changed(table);
  };
  // Writes outside a transaction are committed in groups; while one is open they run at once,
  // joining it, whoever issued them (as before groups): its rollback undoes them too.
  const writes = groupCommit(db, () => state.inTransaction, wrote);
  const client: SqlClient = {
    dialect: "sqlite",
    async all<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      const statement = prepare(sql);
      const rows = statement.all(...params) as T[];
      wrote(statement);
      return rows;
    },
    async get<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      const statement = prepare(sql);
      const row = statement.get(...params) as T | undefined;
      wrote(statement);
      return row;
    },
    /**
     * From memory while none of its tables changed: this connection's writes forget as they run,
     * and any other connection's commit (`PRAGMA data_version` moved) forgets everything. The
     * version is looked at once a millisecond at most (it costs a read transaction, about 8 µs,
     * more than the cached read), so another process's commit is seen within 1 ms. While a
     * transaction is open on the connection, reads go to the file and nothing is kept: what they
     * see may yet be rolled back.
     */
    async allCached<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      if (state.inTransaction || db.inTransaction) {
        tablesReadBy(sql);
        return client.all<T>(sql, params);
      }
      const now = performance.now();
      if (now - versionSeenAt >= VERSION_LOOK_MS) {
        versionSeenAt = now;
        const version = dataVersion.get();
        if (version !== seenVersion) {
          seenVersion = version;
          cache.changed(ALL_TABLES);
        }
      }
      return (await cache.read(sql, params, async () => prepare(sql).all(...params) as SqlRow[])) as readonly T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const statement = prepare(sql);
      if (!state.inTransaction) return writes.write(statement, params);
      const { changes } = statement.run(...params);
      wrote(statement);
      return { changes };
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>) {
      // better-sqlite3 transactions are synchronous; async work is bracketed by hand instead, and a
      // nested call joins the outer transaction.
      if (state.inTransaction) return work(client);
      if ((await writes.begin()) === "joined") return work(client);
      state.inTransaction = true;
      try {
        const result = await work(client);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        // SQLite may have rolled back already (a full disk, an I/O error): keep the original error.
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        state.inTransaction = false;
        // Writes queued while it was open waited for it to end.
        writes.flushSoon();
      }
    },
    async close() {
      writes.flush();
      db.close();
    },
  };
  return client;
}
