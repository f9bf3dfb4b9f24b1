import type BetterSqlite3 from "better-sqlite3";
import type { SqlValue } from "../sql-client";
import { BUSY_WAIT_MS, locked, writeLock } from "./write-lock";

interface PendingWrite {
  statement: BetterSqlite3.Statement;
  params: readonly SqlValue[];
  resolve: (result: { changes: number }) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit {
  /** Queues one write; it resolves once the transaction holding it has committed. */
  write(statement: BetterSqlite3.Statement, params: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Begins a transaction (BEGIN IMMEDIATE) once the queue is committed and the write lock is free,
   * waiting for another connection's lock as the queue does, without blocking the event loop.
   * `joined` when a transaction of this connection opened meanwhile: the caller's work joins it.
   */
  begin(): Promise<"begun" | "joined">;
  /** Commits what is queued on the next turn (after a transaction ended). */
  flushSoon(): void;
  /** Commits what is queued now, waiting for the lock within busy_timeout (before the file is closed). */
  flush(): void;
}

/** A write whose failure ended the transaction of its group. */
class GroupEnded extends Error {
  constructor(
    readonly write: PendingWrite,
    cause: unknown,
  ) {
    super("a write ended its group's transaction", { cause });
  }
}

/**
 * Group commit: the writes issued outside a transaction during one turn of the event loop (the
 * I/O callbacks of every request that finished a step in it) are committed together in one
 * transaction, at `setImmediate`. A commit in WAL mode costs the log's page writes, and writes that
 * touch the same index pages share them: a run's insert and save cost 300 µs one by one on a 2-core
 * machine and 80 µs sixteen at a time (bench/README.md, "Fourth round").
 *
 * Each write stays on its own: a statement that fails (a constraint) is undone alone by SQLite,
 * the transaction going on (the default ABORT conflict resolution; the schema has no ON CONFLICT
 * ROLLBACK nor a trigger that raises ROLLBACK), and rejects its own caller only. A savepoint
 * around each write used to do that, at two more statements a write. A caller's promise resolves only after the
 * commit, so nothing is reported written before it is, and a caller reading after its `await`
 * sees its write as before. better-sqlite3 is synchronous, so a flush is never interleaved with
 * other work on the connection.
 *
 * `isInTransaction` tells that a `transaction()` is open (it awaits async work between BEGIN and
 * COMMIT): a flush then waits for its end instead of running inside it, where a rollback would undo
 * writes already reported committed.
 */
export function groupCommit(
  db: BetterSqlite3.Database,
  isInTransaction: () => boolean,
  /** Told of each write as it runs, before anyone can read after it (the read cache forgets). */
  wrote: (statement: BetterSqlite3.Statement) => void = () => undefined,
): GroupCommit {
  let pending: PendingWrite[] = [];
  // One flush at most is waiting on each: the next turn (new writes), and a retry (a lock held elsewhere).
  let scheduled = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const withLock = writeLock(db);

  const runOne = (write: PendingWrite, settled: Array<() => void>) => {
    try {
      const { changes } = write.statement.run(...write.params);
      wrote(write.statement);
      settled.push(() => write.resolve({ changes }));
    } catch (error) {
      // A failure that ended the whole transaction (an I/O error, a full disk) took the group's
      // other writes with it: they are tried again, this one fails with its own error.
      if (!db.inTransaction) throw new GroupEnded(write, error);
      // Otherwise SQLite undid the failed statement alone (its statement journal), and the
      // transaction goes on with the others.
      settled.push(() => write.reject(error));
    }
  };

  /**
   * Commits the queue. `wait` (before a transaction, at close) takes the write lock as any
   * statement does, within busy_timeout; the scheduled flush only tries it, and while another
   * connection holds it, tries again shortly, so the event loop keeps serving meanwhile instead of
   * sleeping in SQLite's busy handler; after `BUSY_WAIT_MS` the writes fail as locked, as a
   * statement would after busy_timeout.
   */
  const flush = (mode: "wait" | "try" = "wait") => {
    if (pending.length === 0 || isInTransaction() || db.inTransaction) return;
    const batch = pending;
    pending = [];
    if (mode === "try" && lockedSince !== undefined && Date.now() - lockedSince >= BUSY_WAIT_MS) {
      // Locked by another connection for as long as busy_timeout would have waited.
      lockedSince = undefined;
      for (const write of batch) write.reject(locked());
      return;
    }
    const settled: Array<() => void> = [];
    let gotLock: boolean;
    try {
      // One write runs on its own, as before (a PRAGMA cannot run inside a transaction).
      gotLock = batch.length === 1 ? withLock(mode, () => runAlone(batch[0]!, settled)) : withLock(mode, () => runTogether(batch, settled));
    } catch (error) {
      lockedSince = undefined;
      if (db.inTransaction) db.exec("ROLLBACK");
      if (error instanceof GroupEnded) {
        error.write.reject(error.cause);
        pending = batch.filter((write) => write !== error.write).concat(pending);
        return flushSoon();
      }
      // BEGIN or COMMIT failed (a full disk, an I/O error): nothing was written.
      for (const write of batch) write.reject(error);
      return;
    }
    if (!gotLock) {
      pending = batch.concat(pending);
      lockedSince ??= Date.now();
      return retrySoon();
    }
    lockedSince = undefined;
    for (const settle of settled) settle();
  };

  let lockedSince: number | undefined;
  const retrySoon = () => {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      flush("try");
    }, 2);
  };
  const runTogether = (batch: PendingWrite[], settled: Array<() => void>) => {
    db.exec("BEGIN IMMEDIATE");
    for (const write of batch) runOne(write, settled);
    db.exec("COMMIT");
  };
  const runAlone = (write: PendingWrite, settled: Array<() => void>) => {
    try {
      const { changes } = write.statement.run(...write.params);
      wrote(write.statement);
      settled.push(() => write.resolve({ changes }));
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") throw error;
      settled.push(() => write.reject(error));
    }
  };

  const flushSoon = () => {
    if (scheduled || pending.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      flush("try");
    });
  };

  return {
    write(statement, params) {
      return new Promise((resolve, reject) => {
        pending.push({ statement, params, resolve, reject });
        flushSoon();
      });
    },
    async begin() {
      const started = Date.now();
      for (;;) {
        // Another caller on this connection began (its flag may not be set until its await resumes).
        if (isInTransaction() || db.inTransaction) return "joined";
        if (Date.now() - started >= BUSY_WAIT_MS) throw locked();
        // The queue commits first, on its own: the transaction's rollback must not undo it.
        flush("try");
        if (pending.length === 0 && withLock("try", () => db.exec("BEGIN IMMEDIATE"))) return "begun";
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    flushSoon,
    flush() {
      // Until the queue is empty: a write that ended its group leaves the others queued again.
      while (pending.length > 0 && !isInTransaction() && !db.inTransaction) flush("wait");
    },
  };
}
