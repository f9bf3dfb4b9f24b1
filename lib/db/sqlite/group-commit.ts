import type BetterSqlite3 from "better-sqlite3";
import type { SqlValue } from "../sql-client";

interface PendingWrite {
  statement: BetterSqlite3.Statement;
  params: readonly SqlValue[];
  resolve: (result: { changes: number }) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit {
  /** Queues one write; it resolves once the transaction holding it has committed. */
  write(statement: BetterSqlite3.Statement, params: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Commits what is queued now (before a transaction begins, before the file is closed). */
  flush(): void;
}

/**
 * Group commit: the writes issued outside a transaction during one turn of the event loop (the
 * I/O callbacks of every request that finished a step in it) are committed together in one
 * transaction, at `setImmediate`. A commit in WAL mode costs the log's page writes, and writes that
 * touch the same index pages share them: a run's insert and save cost 300 µs one by one on a 2-core
 * machine and 80 µs sixteen at a time (bench/README.md, "Fourth round").
 *
 * Each write stays on its own: it runs inside a savepoint, so one that fails (a constraint) is
 * rolled back alone and rejects its own caller only. A caller's promise resolves only after the
 * commit, so nothing is reported written before it is, and a caller reading after its `await`
 * sees its write as before. better-sqlite3 is synchronous, so a flush is never interleaved with
 * other work on the connection.
 *
 * `isInTransaction` tells that a `transaction()` is open (it awaits async work between BEGIN and
 * COMMIT): a flush then waits for its end instead of running inside it, where a rollback would undo
 * writes already reported committed.
 */
export function groupCommit(db: BetterSqlite3.Database, isInTransaction: () => boolean): GroupCommit {
  let pending: PendingWrite[] = [];
  let scheduled = false;
  const savepoint = db.prepare("SAVEPOINT relay_write");
  const release = db.prepare("RELEASE relay_write");
  const rollbackTo = db.prepare("ROLLBACK TO relay_write");

  const runOne = (write: PendingWrite, settled: Array<() => void>) => {
    savepoint.run();
    try {
      const { changes } = write.statement.run(...write.params);
      release.run();
      settled.push(() => write.resolve({ changes }));
    } catch (error) {
      rollbackTo.run();
      release.run();
      settled.push(() => write.reject(error));
    }
  };

  const flush = () => {
    scheduled = false;
    if (pending.length === 0 || isInTransaction()) return;
    const batch = pending;
    pending = [];
    if (batch.length === 1) {
      const write = batch[0]!;
      try {
        write.resolve({ changes: write.statement.run(...write.params).changes });
      } catch (error) {
        write.reject(error);
      }
      return;
    }
    const settled: Array<() => void> = [];
    try {
      db.exec("BEGIN IMMEDIATE");
      for (const write of batch) runOne(write, settled);
      db.exec("COMMIT");
    } catch (error) {
      // BEGIN or COMMIT failed (the file locked past busy_timeout, a full disk): nothing was written.
      if (db.inTransaction) db.exec("ROLLBACK");
      for (const write of batch) write.reject(error);
      return;
    }
    for (const settle of settled) settle();
  };

  return {
    write(statement, params) {
      return new Promise((resolve, reject) => {
        pending.push({ statement, params, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}
