import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { SqlClient, SqlRow, SqlValue } from "../sql-client";
import { tablesReadBy } from "../watched-tables";
import { BUSY_WAIT_MS, groupCommit } from "./group-commit";

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
  // Writes outside a transaction are committed in groups; while one is open they run at once,
  // joining it, whoever issued them (as before groups): its rollback undoes them too.
  const writes = groupCommit(db, () => state.inTransaction);
  const client: SqlClient = {
    dialect: "sqlite",
    async all<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async get<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).get(...params) as T | undefined;
    },
    // Not cached (a read costs microseconds here), but held to the same rule as on Postgres.
    async allCached<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      tablesReadBy(sql);
      return client.all<T>(sql, params);
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const statement = prepare(sql);
      if (state.inTransaction) return { changes: statement.run(...params).changes };
      return writes.write(statement, params);
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
